#include "kiosk/core/log.h"

#include <cstdio>

namespace custody {

namespace {
void stderr_sink(LogLevel level, const std::string& line) {
    const char* tag = level == LogLevel::Error ? "error" : level == LogLevel::Warning ? "warning" : "info";
    std::fprintf(stderr, "custody-kiosk[%s]: %s\n", tag, line.c_str());
}
LogSink g_sink = stderr_sink;
}  // namespace

void set_log_sink(LogSink sink) { g_sink = sink ? sink : stderr_sink; }
void log_event(LogLevel level, const std::string& line) { g_sink(level, line); }

}  // namespace custody
