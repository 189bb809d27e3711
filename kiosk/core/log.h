#pragma once
// The operations log. Until the service logs to journald, lines go to standard error;
// a program may install its own sink at start-up (before threads start).

#include <string>

namespace custody {

enum class LogLevel { Info, Warning, Error };
using LogSink = void (*)(LogLevel level, const std::string& line);

void set_log_sink(LogSink sink);
void log_event(LogLevel level, const std::string& line);

}  // namespace custody
