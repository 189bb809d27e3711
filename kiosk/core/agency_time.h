#pragma once
// Stored times are UTC; people read them in the agency's zone (profile, default
// Asia/Shanghai). The zone is applied once per process, before threads start, because
// the C library keeps it in process-wide state.

#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/result.h"

namespace custody {

// True if the name is a zone in the system's zone database (a TZif file under
// /usr/share/zoneinfo), not a directory such as "Asia" or a table such as "zone.tab".
bool known_time_zone(const std::string& iana_name);
Status apply_time_zone(const std::string& iana_name);
// "2026-11-22 08:30:05" in the applied zone.
std::string format_local(Timestamp t);
// "2026-11-22"
std::string format_local_date(Timestamp t);
// ISO 8601 UTC, e.g. "2026-11-22T00:30:05.000Z", for machine-readable output.
std::string format_utc_iso(Timestamp t);
// Parses exactly "YYYY-MM-DD" or "YYYY-MM-DD HH:MM[:SS]" as local time in the applied zone.
std::optional<Timestamp> parse_local(const std::string& text);

}  // namespace custody
