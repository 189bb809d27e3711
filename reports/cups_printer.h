#pragma once
// The print port (kiosk/core/printer.h) over CUPS. Reports (R5, R13, R20, R21) reach
// paper through the agency's CUPS server; every way that can fail has its own message,
// because the custodian must know whether to start CUPS, fix the profile's print_queue,
// resume a printer or look at a job (docs/printing.md).
//
// Which server: the one given to the constructor, else libcups's own choice (CUPS_SERVER,
// client.conf, the local scheduler's socket). It is looked up again at every call, so a
// changed CUPS_SERVER or a restarted scheduler is seen by the next call.

#include <chrono>
#include <string>
#include <vector>

#include "kiosk/core/printer.h"

namespace custody::reports {

class CupsPrinter final : public Printer {
public:
    // `server`: a host[:port] or a domain socket path; empty: libcups's default.
    explicit CupsPrinter(std::string server = {}, std::chrono::milliseconds poll_interval = std::chrono::milliseconds(100));

    Result<std::vector<PrintQueue>> queues() override;
    // Checks the queue first (it exists, accepts jobs, is not stopped) and that the file
    // can be read, then hands the file to CUPS as it is (the PDF goes through the queue's
    // own filters).
    Result<PrintJob> submit(const std::string& pdf_path, const std::string& queue, const std::string& title) override;
    // Polls the job every poll interval; a job waiting on a stopped printer fails at once
    // with PrintQueueStopped instead of waiting out `limit`.
    Status wait_until_printed(const PrintJob& job, std::chrono::milliseconds limit) override;

private:
    void use_server() const;
    std::string server_;
    std::chrono::milliseconds poll_interval_;
};

}  // namespace custody::reports
