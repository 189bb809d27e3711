#pragma once
// The depreciation schedule 固定资产折旧明细表 (R3): one closed month as it was stored —
// each asset's charge, accumulated depreciation, net book value, months charged and, for
// the workload method, the month's hours of use — with the convention, the value date
// and who closed it. Only a closed month has one: its figures never change afterwards.

#include <optional>
#include <string>
#include <vector>

#include "db/sqlite.h"
#include "kiosk/core/finance_store.h"
#include "reports/report_documents.h"

namespace custody::reports {

struct DepreciationScheduleLine {
    DepreciationLine line;
    std::string asset_number;
    std::string device_serial;
    std::string category;  // the category's name
    std::int64_t total_workload_hours = 0;  // the card's, workload method
};

struct DepreciationSchedule {
    std::string agency;
    MonthClose close;
    std::string closed_by;  // "name（number）" when on the roll
    std::vector<DepreciationScheduleLine> lines;  // by asset number
};

class ReportSnapshot;
// `month`, which must be closed; without one the newest closed month.
Result<DepreciationSchedule> load_depreciation_schedule(ReportSnapshot& s, std::optional<AccountingMonth> month);
// Who did a recorded act (closed a month, opened a case), as a page prints it: the
// officer's name and number when the recorded actor is a number on the roll, else the
// text itself ("custodyctl").
Result<std::string> actor_text(db::Connection& c, const std::string& actor);

ReportHeading depreciation_schedule_heading(const DepreciationSchedule& d, Lang lang);
void compose_depreciation_schedule(ReportPages& pages, const DepreciationSchedule& d);

// Its entry in make_report (report_documents.h lists the others).
Result<ComposedReport> compose_depreciation_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                     Timestamp now);

}  // namespace custody::reports
