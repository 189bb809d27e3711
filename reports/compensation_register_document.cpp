#include "reports/compensation_register.h"
#include "reports/report_run.h"

namespace custody::reports {

// Every case, oldest first. Landscape: thirteen columns.
Result<ComposedReport> compose_compensation_register_document(ReportSnapshot& s, const ReportRequest& r,
                                                              PdfDocument& doc, Timestamp) {
    auto reg = load_compensation_register(s);
    if (!reg) return fail(reg.error());
    ComposedReport c;
    c.pages = std::make_unique<ReportPages>(doc, compensation_register_heading(*reg, r.lang), r.lang,
                                            Orientation::Landscape);
    compose_compensation_register(*c.pages, *reg);
    return c;
}

}  // namespace custody::reports
