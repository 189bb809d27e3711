#include "reports/evidence_form.h"
#include "reports/report_documents.h"
#include "reports/report_run.h"

namespace custody::reports {

// Without --recording or --case: the newest evidence export's case, else the newest
// completed offload's recordings (load_evidence_form). Place and activity are printed as
// given, and left as boxes to fill in by hand when not.
Result<ComposedReport> compose_evidence_form_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                      Timestamp) {
    auto form = load_evidence_form(s, {r.recordings, r.case_number});
    if (!form) return fail(form.error());
    form->place = r.place;
    form->activity = r.activity;
    ComposedReport c;
    c.pages = std::make_unique<ReportPages>(doc, evidence_form_heading(*form, r.lang), r.lang);
    compose_evidence_form(*c.pages, *form);
    return c;
}

}  // namespace custody::reports
