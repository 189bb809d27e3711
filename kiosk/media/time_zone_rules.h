#pragma once
// A zone's rules read from its TZif file, so that a local time in a given zone can be
// turned into UTC without touching the process's TZ: the kiosk applies its zone once at
// start (agency_time.h), and setenv("TZ") while other threads read the time is a race.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/media/posix_tz_rule.h"

namespace custody::media {

class TimeZoneRules {
public:
    // From the system's zone database (known_time_zone decides what is a zone).
    static std::optional<TimeZoneRules> load(const std::string& iana_name);
    // From the bytes of a TZif file, version 1 to 4.
    static std::optional<TimeZoneRules> parse(std::string_view tzif);

    const std::string& name() const { return name_; }
    // Seconds east of UTC in effect at the instant `utc_s`.
    int utc_offset_at(std::int64_t utc_s) const;
    // The instant a wall clock in this zone showed `local_s` (seconds since the epoch, the
    // fields read as if UTC). A time shown twice (clocks going back) is the earlier
    // instant; a time never shown (clocks going forward) is read with the offset before
    // the change, as a camera whose clock had not yet been moved would mean it.
    std::int64_t to_utc(std::int64_t local_s) const;

private:
    std::string name_;
    std::vector<std::int64_t> transitions_;  // ascending instants
    std::vector<int> offsets_;               // in effect from each transition
    int initial_offset_ = 0;                 // before the first transition
    std::optional<PosixTzRule> footer_;      // after the last one
};

}  // namespace custody::media
