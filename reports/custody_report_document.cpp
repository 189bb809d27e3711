#include "reports/custody_report.h"
#include "reports/report_documents.h"
#include "reports/report_run.h"

namespace custody::reports {

// The period as the ledger's (with_period).
Result<ComposedReport> compose_custody_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                Timestamp now) {
    auto scope = with_period(s, r.scope, now);
    if (!scope) return fail(scope.error());
    auto report = load_custody_report(s, *scope, r.lang, now);
    if (!report) return fail(report.error());
    ComposedReport c;
    c.pages = std::make_unique<ReportPages>(doc, custody_report_heading(*report, r.lang), r.lang, Orientation::Landscape);
    compose_custody_report(*c.pages, *report);
    return c;
}

}  // namespace custody::reports
