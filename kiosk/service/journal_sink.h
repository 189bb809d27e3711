#pragma once
// Log lines to journald as structured entries: MESSAGE, PRIORITY and the custody fields
// CUSTODY_SLOT, CUSTODY_DEVICE, CUSTODY_OFFICER, CUSTODY_JOB, each only when known.

#include <string>
#include <vector>

#include "kiosk/core/log.h"

namespace custody::service {

// The journal entry's fields, "NAME=value" each, in the order they are sent.
std::vector<std::string> journal_fields(LogLevel level, const std::string& line, const LogFields& fields);
void journal_sink(LogLevel level, const std::string& line, const LogFields& fields);
// True when systemd started this process with its output on the journal
// ($JOURNAL_STREAM, set for StandardOutput/StandardError=journal).
bool started_by_journald_unit();
// Installs journal_sink when started_by_journald_unit(); returns whether it did.
bool log_to_journal_under_systemd();

}  // namespace custody::service
