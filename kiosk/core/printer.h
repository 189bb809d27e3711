#pragma once
// The print port: reports leave the kiosk as PDF files and go to the agency's printer
// through a print server. The CUPS adapter is reports/cups_printer.h. A job is followed
// to its end, because a queue that accepts a job has not printed it yet: a stopped
// printer or an aborted job must reach the custodian, not a "sent" that never printed.

#include <chrono>
#include <string>
#include <vector>

#include "kiosk/core/result.h"

namespace custody {

struct PrintQueue {
    std::string name;
    std::string description;  // the queue's "info" text, e.g. "三楼激光打印机"
    bool is_default = false;
    bool accepting = true;  // takes new jobs
    bool stopped = false;   // paused or in error: jobs wait, nothing prints
    std::string state_message;
};

struct PrintJob {
    int id = 0;
    std::string queue;
};

class Printer {
public:
    virtual ~Printer() = default;
    virtual Result<std::vector<PrintQueue>> queues() = 0;
    // Sends the PDF to `queue`, or to the server's default queue when it is empty.
    virtual Result<PrintJob> submit(const std::string& pdf_path, const std::string& queue,
                                    const std::string& title) = 0;
    // Returns when the job has completed; fails when it was canceled or aborted, when its
    // printer is stopped, or when it has not ended within `limit`.
    virtual Status wait_until_printed(const PrintJob& job, std::chrono::milliseconds limit) = 0;
};

}  // namespace custody
