#pragma once
// The interruption work record 执法记录中断情况说明 (R13): when recording stopped or could
// not be used, the officer states the reason and its basis afterwards, the unit head
// reviews it, and it is archived. The paper shows the custody period and the recording
// gap it explains, so the reviewer signs for what the footage actually lacks.

#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"
#include "kiosk/core/interruption_record.h"
#include "reports/report_pages.h"

namespace custody::reports {

struct InterruptionDecision {
    std::string reviewer;  // "name（number）"
    std::string role_zh;
    std::string role_en;
    Timestamp reviewed_at;
    std::string note;
};

struct InterruptionReport {
    std::string agency;
    Id id = 0;
    InterruptionReason reason = InterruptionReason::Other;
    std::string basis;
    std::string officer;  // "name（number）"
    std::string unit;     // the officer's
    std::string device_serial;
    std::string device_model;  // brand and model
    Id job_id = 0;
    std::optional<Timestamp> checked_out_at;
    std::optional<Timestamp> returned_at;
    std::optional<std::int64_t> custody_ms;
    std::optional<std::int64_t> recorded_ms;
    std::optional<std::int64_t> longest_gap_ms;
    Timestamp recorded_at;
    std::string recorded_by;
    std::optional<InterruptionDecision> review;  // none: awaiting the unit head
};

class ReportSnapshot;
// The record `id`, else the newest. InterruptionUnknown, ReportNoInterruption.
Result<InterruptionReport> load_interruption_report(ReportSnapshot& s, std::optional<Id> id);

ReportHeading interruption_report_heading(const InterruptionReport& r, Lang lang);
void compose_interruption_report(ReportPages& pages, const InterruptionReport& r);

}  // namespace custody::reports
