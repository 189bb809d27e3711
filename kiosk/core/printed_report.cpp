#include "kiosk/core/printed_report.h"

namespace custody {

Status record_printed_report(CustodyStore& store, const PrintedReportNote& n) {
    auto tx = store.begin();
    if (!tx) return fail(tx.error());
    CUSTODY_TRY((*tx)->audit({n.actor, "report_printed", n.document_id,
                              "kind=" + n.kind + "; pages=" + std::to_string(n.pages) + "; queue=" + n.queue +
                                  "; job=" + std::to_string(n.job) + "; content_sha256=" + n.content_sha256 +
                                  "; file=" + n.file}));
    return (*tx)->commit();
}

}  // namespace custody
