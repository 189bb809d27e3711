#include "kiosk/core/log.h"

#include <cstdio>

namespace custody {

namespace {
void stderr_sink(LogLevel level, const std::string& line, const LogFields& fields) {
    const char* tag = level == LogLevel::Error ? "error" : level == LogLevel::Warning ? "warning" : "info";
    std::fprintf(stderr, "custody-kiosk[%s]: %s%s\n", tag, line.c_str(), fields_suffix(fields).c_str());
}
LogSink g_sink = stderr_sink;
}  // namespace

std::string fields_suffix(const LogFields& f) {
    std::string s;
    auto add = [&s](const char* key, const std::string& value) {
        if (value.empty()) return;
        s += s.empty() ? " [" : " ";
        s += key;
        s += '=';
        s += value;
    };
    add("slot", f.slot ? std::to_string(f.slot) : "");
    add("device", f.device);
    add("officer", f.officer);
    add("job", f.job ? std::to_string(f.job) : "");
    return s.empty() ? s : s + "]";
}

void set_log_sink(LogSink sink) { g_sink = sink ? sink : stderr_sink; }
void log_event(LogLevel level, const std::string& line, const LogFields& fields) { g_sink(level, line, fields); }

}  // namespace custody
