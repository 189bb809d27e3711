#pragma once
// Times as media files state them. A container's creation_time is an instant (ISO 8601,
// UTC or with an offset); EXIF and BWF give the camera's wall clock with no zone, which
// only the zone the camera was set to turns into an instant.

#include <cstdint>
#include <optional>
#include <string_view>

namespace custody::media {

struct StatedTime {
    // Milliseconds since the epoch, reading the stated fields as if they were UTC.
    std::int64_t ms = 0;
    // True when the file gives a wall-clock time without a zone.
    bool wall_clock = false;
};

// Days from 1970-01-01 to the civil date (proleptic Gregorian), so no timegm/mktime and
// nothing that depends on the process's TZ.
std::int64_t days_from_civil(std::int64_t year, int month, int day);

// "2026-11-30T08:15:02.000000Z", "2026-11-30 16:15:02+08:00", "...+0800", "...+08";
// without a designator the time is read as UTC, as libavformat writes creation_time.
// Anything else, including a bare date or a bare time, is nullopt.
std::optional<std::int64_t> parse_iso8601_ms(std::string_view text);

// EXIF "2026:11:30 16:15:02" as a wall-clock StatedTime. A blank or zeroed field (a camera
// whose clock was never set) is nullopt.
std::optional<StatedTime> parse_exif_datetime(std::string_view text);

// BWF origination date and time ("2026-11-30", "16:15:02"; ':' or '-' or '.' may separate
// the time's fields) as a wall-clock StatedTime.
std::optional<StatedTime> parse_bwf_origination(std::string_view date, std::string_view time);

// EXIF OffsetTime* "+08:00" / "-05:30" as seconds east of UTC.
std::optional<int> parse_utc_offset(std::string_view text);

}  // namespace custody::media
