#include "reports/repair_register.h"
#include "reports/report_run.h"

namespace custody::reports {

// Without --from/--to (or --month): every order. Landscape: eleven columns.
Result<ComposedReport> compose_repair_register_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                        Timestamp now) {
    auto reg = load_repair_register(s, r.scope.from, r.scope.to, now);
    if (!reg) return fail(reg.error());
    ComposedReport c;
    c.pages = std::make_unique<ReportPages>(doc, repair_register_heading(*reg, r.lang), r.lang, Orientation::Landscape);
    compose_repair_register(*c.pages, *reg);
    return c;
}

}  // namespace custody::reports
