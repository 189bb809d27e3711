#pragma once
// A saved report sent to paper and followed until it has printed.

#include <chrono>
#include <optional>
#include <string>

#include "kiosk/core/printer.h"
#include "reports/report_run.h"

namespace custody::reports {

// `queue`: the one asked for, else the profile's print_queue, else the server's default.
Result<PrintJob> print_report(Printer& printer, const MadeReport& report, const std::optional<std::string>& queue,
                              std::chrono::milliseconds limit);

}  // namespace custody::reports
