#include "reports/reconciliation_report.h"
#include "reports/report_documents.h"
#include "reports/report_run.h"

namespace custody::reports {

// Without --id: the newest saved reconciliation.
Result<ComposedReport> compose_reconciliation_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                       Timestamp) {
    auto report = load_reconciliation_report(s, r.reconciliation_id);
    if (!report) return fail(report.error());
    ComposedReport c;
    c.pages = std::make_unique<ReportPages>(doc, reconciliation_report_heading(*report, r.lang), r.lang);
    compose_reconciliation_report(*c.pages, *report);
    return c;
}

}  // namespace custody::reports
