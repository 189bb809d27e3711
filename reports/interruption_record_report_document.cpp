#include "reports/interruption_record_report.h"
#include "reports/report_documents.h"
#include "reports/report_run.h"

namespace custody::reports {

// Without --id: the newest interruption record.
Result<ComposedReport> compose_interruption_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                     Timestamp) {
    auto report = load_interruption_report(s, r.interruption_id);
    if (!report) return fail(report.error());
    ComposedReport c;
    c.pages = std::make_unique<ReportPages>(doc, interruption_report_heading(*report, r.lang), r.lang);
    compose_interruption_report(*c.pages, *report);
    return c;
}

}  // namespace custody::reports
