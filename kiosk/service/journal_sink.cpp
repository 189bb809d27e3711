#include "kiosk/service/journal_sink.h"

#include <sys/uio.h>
#include <systemd/sd-journal.h>

#include <cstdio>
#include <cstdlib>

namespace custody::service {

std::vector<std::string> journal_fields(LogLevel level, const std::string& line, const LogFields& f) {
    // syslog priorities: 3 err, 4 warning, 6 info.
    const char* priority = level == LogLevel::Error ? "3" : level == LogLevel::Warning ? "4" : "6";
    std::vector<std::string> out{"MESSAGE=" + line, std::string("PRIORITY=") + priority};
    if (f.slot) out.push_back("CUSTODY_SLOT=" + std::to_string(f.slot));
    if (!f.device.empty()) out.push_back("CUSTODY_DEVICE=" + f.device);
    if (!f.officer.empty()) out.push_back("CUSTODY_OFFICER=" + f.officer);
    if (f.job) out.push_back("CUSTODY_JOB=" + std::to_string(f.job));
    return out;
}

void journal_sink(LogLevel level, const std::string& line, const LogFields& fields) {
    const auto entry = journal_fields(level, line, fields);
    std::vector<iovec> iov;
    iov.reserve(entry.size());
    for (const auto& field : entry) iov.push_back({const_cast<char*>(field.data()), field.size()});
    // A journal that cannot take the line must not lose it: standard error is the
    // service's other output, which systemd also collects.
    if (int rc = sd_journal_sendv(iov.data(), static_cast<int>(iov.size())); rc < 0)
        std::fprintf(stderr, "custody-kiosk: %s%s (journal: error %d)\n", line.c_str(), fields_suffix(fields).c_str(), rc);
}

bool started_by_journald_unit() {
    const char* stream = std::getenv("JOURNAL_STREAM");
    return stream && *stream;
}

bool log_to_journal_under_systemd() {
    if (!started_by_journald_unit()) return false;
    set_log_sink(journal_sink);
    return true;
}

}  // namespace custody::service
