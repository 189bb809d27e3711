#include "kiosk/ui/report_desk.h"

#include <filesystem>

#include "kiosk/core/printed_report.h"
#include "reports/cups_printer.h"
#include "reports/report_printing.h"
#include "reports/report_run.h"

namespace custody::ui {

namespace {
reports::ReportKind kind_of(terminal::PrintableReport r) {
    switch (r) {
        case terminal::PrintableReport::OffloadReceipt: return reports::ReportKind::Receipt;
        case terminal::PrintableReport::Reconciliation: return reports::ReportKind::Reconciliation;
        case terminal::PrintableReport::UsageLedger: return reports::ReportKind::Ledger;
    }
    return reports::ReportKind::Ledger;
}
}  // namespace

std::string report_folder_for(const std::string& db_path) { return db_path + ".reports"; }

Result<terminal::PrintedReport> ReportDesk::print(const terminal::PrintOrder& order) {
    std::error_code ec;
    std::filesystem::create_directories(folder_, ec);
    if (ec) return fail(Error(MessageId::ReportWriteFailed, {folder_, ec.message()}));
    reports::ReportRequest request;
    request.kind = kind_of(order.what);
    request.lang = order.lang;
    if (order.what == terminal::PrintableReport::OffloadReceipt) request.job_id = order.record;
    if (order.what == terminal::PrintableReport::Reconciliation) request.reconciliation_id = order.record;
    const Timestamp now = clock_.now();
    const std::string path = folder_ + "/" + std::string(named(reports::kReportKinds, request.kind).code) + "-" +
                             std::to_string(now.ms) + ".pdf";
    auto made = reports::make_report(db_path_, request, path, now);
    if (!made) return fail(made.error());
    reports::CupsPrinter printer;
    auto job = reports::print_report(printer, *made, std::nullopt, limit_);
    if (!job) return fail(job.error());
    CUSTODY_TRY(record_printed_report(store_, {order.actor, made->finished.document_id,
                                               std::string(named(reports::kReportKinds, request.kind).code),
                                               made->finished.pages, made->finished.content_sha256, job->queue, job->id,
                                               made->path}));
    return terminal::PrintedReport{made->finished.document_id, made->path, job->queue, job->id, made->finished.pages};
}

}  // namespace custody::ui
