#pragma once
// The usage ledger 执法记录仪使用台账 (R5): per unit and period, every hand-over of a
// device — who took it, with whom, when and from which slot, when it came back, and what
// it recorded.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "reports/report_pages.h"

namespace custody::reports {

struct UsageLedgerLine {
    std::string device_serial;
    std::string device_model;  // brand and model
    std::string officer;       // "name（number）"; empty for an unexpected return
    std::string partner;       // R10
    std::optional<Timestamp> issued_at;
    std::optional<int> issued_slot;
    std::optional<Timestamp> returned_at;
    std::optional<int> returned_slot;
    bool voided = false;  // the camera never left its slot
    int recordings = 0;
    std::int64_t recorded_ms = 0;
    std::int64_t bytes = 0;
    bool offloaded = false;  // an offload job completed for this use
    int verified = 0;        // recordings whose archive copy matched its hash
    std::string offload_failure_zh;  // why the offload stopped, while it has not completed
    std::string offload_failure_en;
};

struct UsageLedger {
    std::string agency;
    std::string unit;  // name, or the agency for all units
    Timestamp from;
    Timestamp to;  // exclusive
    std::vector<UsageLedgerLine> lines;
};

ReportHeading usage_ledger_heading(const UsageLedger& l, Lang lang);
void compose_usage_ledger(ReportPages& pages, const UsageLedger& l);

}  // namespace custody::reports
