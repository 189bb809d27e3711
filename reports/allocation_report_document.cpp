#include "reports/allocation_report.h"
#include "reports/report_run.h"

namespace custody::reports {

// Counted as the snapshot stands: no period, no option.
Result<ComposedReport> compose_allocation_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                   Timestamp now) {
    auto report = load_allocation_report(s, now);
    if (!report) return fail(report.error());
    ComposedReport c;
    c.pages = std::make_unique<ReportPages>(doc, allocation_report_heading(*report, r.lang), r.lang);
    compose_allocation_report(*c.pages, *report);
    return c;
}

}  // namespace custody::reports
