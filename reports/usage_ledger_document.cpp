#include "reports/report_documents.h"
#include "reports/report_run.h"

namespace custody::reports {

Result<ComposedReport> compose_ledger_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                               Timestamp now) {
    auto scope = with_period(s, r.scope, now);
    if (!scope) return fail(scope.error());
    auto ledger = load_usage_ledger(s, *scope);
    if (!ledger) return fail(ledger.error());
    ComposedReport c;
    c.pages = std::make_unique<ReportPages>(doc, usage_ledger_heading(*ledger, r.lang), r.lang, Orientation::Landscape);
    compose_usage_ledger(*c.pages, *ledger);
    return c;
}

}  // namespace custody::reports
