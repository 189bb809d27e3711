#include "reports/compensation_notice.h"
#include "reports/report_run.h"

namespace custody::reports {

// Without --id: the newest case.
Result<ComposedReport> compose_compensation_notice_document(ReportSnapshot& s, const ReportRequest& r,
                                                            PdfDocument& doc, Timestamp) {
    auto notice = load_compensation_notice(s, r.compensation_case_id);
    if (!notice) return fail(notice.error());
    ComposedReport c;
    c.pages = std::make_unique<ReportPages>(doc, compensation_notice_heading(*notice, r.lang), r.lang);
    compose_compensation_notice(*c.pages, *notice);
    return c;
}

}  // namespace custody::reports
