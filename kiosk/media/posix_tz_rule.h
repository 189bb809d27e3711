#pragma once
// The POSIX TZ string at the end of a TZif file ("CST-8", "CET-1CEST,M3.5.0,M10.5.0/3"):
// the zone's rule for every time after the file's last listed transition. Files built
// "slim" list no transitions past the last rule change, so the rule is all there is for
// today's times.

#include <cstdint>
#include <optional>
#include <string_view>

namespace custody::media {

class PosixTzRule {
public:
    static std::optional<PosixTzRule> parse(std::string_view text);

    // Seconds east of UTC in effect at the instant `utc_s`.
    int utc_offset_at(std::int64_t utc_s) const;

private:
    // One end of daylight time: day-of-year (Jn, n) or month/week/weekday (Mm.w.d), and
    // the local time of day it happens at, which may be negative or past 24 h.
    struct Change {
        enum class Form { Julian1, Julian0, MonthWeekDay } form = Form::MonthWeekDay;
        int day = 0;    // Jn: 1..365; n: 0..365; M: weekday 0..6 (Sunday 0)
        int month = 0;  // M only
        int week = 0;   // M only: 1..5, 5 being the last
        int time_s = 2 * 3600;
        std::int64_t local_s(std::int64_t year) const;  // seconds since the epoch, as if UTC
    };
    int std_offset_ = 0;  // seconds east of UTC
    std::optional<int> dst_offset_;
    Change start_, end_;
};

}  // namespace custody::media
