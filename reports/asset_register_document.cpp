#include "reports/asset_register.h"
#include "reports/report_run.h"

namespace custody::reports {

// Without --month: the newest closed month, else last month. Landscape: fifteen columns.
Result<ComposedReport> compose_asset_register_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                       Timestamp now) {
    auto reg = load_asset_register(s, r.month, now);
    if (!reg) return fail(reg.error());
    ComposedReport c;
    c.pages = std::make_unique<ReportPages>(doc, asset_register_heading(*reg, r.lang), r.lang, Orientation::Landscape);
    compose_asset_register(*c.pages, *reg);
    return c;
}

}  // namespace custody::reports
