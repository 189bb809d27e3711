#include "reports/offload_receipt.h"
#include "reports/report_documents.h"
#include "reports/report_run.h"

namespace custody::reports {

// Without --job: the newest completed offload.
Result<ComposedReport> compose_receipt_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                Timestamp) {
    auto receipt = load_offload_receipt(s, r.job_id);
    if (!receipt) return fail(receipt.error());
    ComposedReport c;
    c.pages = std::make_unique<ReportPages>(doc, offload_receipt_heading(*receipt, r.lang), r.lang);
    compose_offload_receipt(*c.pages, *receipt);
    return c;
}

}  // namespace custody::reports
