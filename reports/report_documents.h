#pragma once
// One entry per kind of document: read its facts from the snapshot and lay them out in
// `doc`. Each lives in the file of its document (usage_ledger_document.cpp, ...).

#include <memory>

#include "reports/report_pages.h"

namespace custody::reports {

class ReportSnapshot;
struct ReportRequest;

struct ComposedReport {
    std::unique_ptr<ReportPages> pages;
};

Result<ComposedReport> compose_ledger_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc, Timestamp now);
Result<ComposedReport> compose_custody_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc, Timestamp now);
Result<ComposedReport> compose_evidence_form_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                      Timestamp now);
Result<ComposedReport> compose_disc_label_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                   Timestamp now);
Result<ComposedReport> compose_receipt_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc, Timestamp now);
Result<ComposedReport> compose_reconciliation_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                       Timestamp now);
Result<ComposedReport> compose_interruption_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                     Timestamp now);

}  // namespace custody::reports
