#include "reports/depreciation_schedule.h"
#include "reports/report_run.h"

namespace custody::reports {

// Without --month: the newest closed month. A month not closed is refused: its figures
// are not final, and the asset register shows them computed.
Result<ComposedReport> compose_depreciation_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                     Timestamp) {
    auto schedule = load_depreciation_schedule(s, r.month);
    if (!schedule) return fail(schedule.error());
    ComposedReport c;
    c.pages = std::make_unique<ReportPages>(doc, depreciation_schedule_heading(*schedule, r.lang), r.lang,
                                            Orientation::Landscape);
    compose_depreciation_schedule(*c.pages, *schedule);
    return c;
}

}  // namespace custody::reports
