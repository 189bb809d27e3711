#include "reports/disc_label.h"
#include "reports/report_documents.h"
#include "reports/report_run.h"

namespace custody::reports {

// Without --export: the newest export of --case, else the newest export of all. The
// activity or case name is printed as given, and left as a line to write on when not.
Result<ComposedReport> compose_disc_label_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                   Timestamp) {
    auto labels = load_disc_labels(s, r.export_id, r.case_number);
    if (!labels) return fail(labels.error());
    labels->activity = r.activity;
    ComposedReport c;
    c.pages = std::make_unique<ReportPages>(doc, disc_labels_heading(*labels, r.lang), r.lang);
    compose_disc_labels(*c.pages, *labels);
    return c;
}

}  // namespace custody::reports
