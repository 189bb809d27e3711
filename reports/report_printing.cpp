#include "reports/report_printing.h"

namespace custody::reports {

Result<PrintJob> print_report(Printer& printer, const MadeReport& report, const std::optional<std::string>& queue,
                              std::chrono::milliseconds limit) {
    const std::string chosen = queue && !queue->empty() ? *queue : report.print_queue;
    auto job = printer.submit(report.path, chosen, report.title + " " + report.finished.document_id);
    if (!job) return fail(job.error());
    CUSTODY_TRY(printer.wait_until_printed(*job, limit));
    return *job;
}

}  // namespace custody::reports
