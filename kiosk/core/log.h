#pragma once
// The operations log. Lines go to standard error unless a program installs its own sink at
// start-up (before threads start): the kiosk and custodyctl send them to journald when
// they run as services. The fields say which slot, device, officer and offload job a line
// is about, so that `journalctl CUSTODY_SLOT=3` finds them without parsing the text.

#include <cstdint>
#include <string>
#include <utility>

namespace custody {

enum class LogLevel { Info, Warning, Error };

struct LogFields {
    int slot = 0;             // 0: no slot
    std::string device;       // serial
    std::string officer;      // officer number
    std::int64_t job = 0;     // offload job id; 0: none

    LogFields& at_slot(int s) { slot = s; return *this; }
    LogFields& of_device(std::string serial) { device = std::move(serial); return *this; }
    LogFields& by_officer(std::string number) { officer = std::move(number); return *this; }
    LogFields& in_job(std::int64_t id) { job = id; return *this; }
};

using LogSink = void (*)(LogLevel level, const std::string& line, const LogFields& fields);

void set_log_sink(LogSink sink);
void log_event(LogLevel level, const std::string& line, const LogFields& fields = {});
// The fields as " [slot=3 device=DSJ001 ...]" for a text log; empty when there are none.
std::string fields_suffix(const LogFields& fields);

}  // namespace custody
