#include "kiosk/media/stated_time.h"

#include <gtest/gtest.h>

namespace custody::media {
namespace {

constexpr std::int64_t k20261130T081502Z = 1796026502;  // seconds since the epoch

TEST(StatedTime, DaysFromCivilMatchesTheCalendar) {
    EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
    EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
    EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
    EXPECT_EQ(days_from_civil(2026, 11, 30) * 86400 + 8 * 3600 + 15 * 60 + 2, k20261130T081502Z);
}

TEST(StatedTime, Iso8601AsLibavformatWritesIt) {
    EXPECT_EQ(parse_iso8601_ms("2026-11-30T08:15:02.000000Z"), k20261130T081502Z * 1000);
    EXPECT_EQ(parse_iso8601_ms("2026-11-30T08:15:02Z"), k20261130T081502Z * 1000);
    EXPECT_EQ(parse_iso8601_ms("2026-11-30T08:15:02.456789Z"), k20261130T081502Z * 1000 + 456);
    // Without a designator libavformat's creation_time is UTC.
    EXPECT_EQ(parse_iso8601_ms("2026-11-30 08:15:02"), k20261130T081502Z * 1000);
}

TEST(StatedTime, Iso8601WithAnOffset) {
    EXPECT_EQ(parse_iso8601_ms("2026-11-30T16:15:02+08:00"), k20261130T081502Z * 1000);
    EXPECT_EQ(parse_iso8601_ms("2026-11-30T16:15:02+0800"), k20261130T081502Z * 1000);
    EXPECT_EQ(parse_iso8601_ms("2026-11-30T16:15:02+08"), k20261130T081502Z * 1000);
    EXPECT_EQ(parse_iso8601_ms("2026-11-30T03:15:02-05:00"), k20261130T081502Z * 1000);
}

TEST(StatedTime, Iso8601RejectsWhatIsNotADateAndTime) {
    for (const char* text : {"", "16:15:02", "2026-11-30", "2026-11-30T08:15", "2026-13-01T00:00:00Z",
                             "2026-02-29T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-30T24:00:00Z",
                             "2026-11-30T08:15:02Zjunk", "2026-11-30T08:15:02+8", "2026-11-30T08:15:02.Z",
                             "Mon Nov 30 08:15:02 2026", "2026-1-30T08:15:02Z"})
        EXPECT_FALSE(parse_iso8601_ms(text)) << text;
    EXPECT_TRUE(parse_iso8601_ms("2024-02-29T00:00:00Z"));
}

TEST(StatedTime, ExifDateTimeIsAWallClock) {
    auto t = parse_exif_datetime(std::string_view("2026:11:30 16:15:02\0", 20));
    ASSERT_TRUE(t);
    EXPECT_TRUE(t->wall_clock);
    EXPECT_EQ(t->ms, (k20261130T081502Z + 8 * 3600) * 1000);
    // A camera whose clock was never set writes zeros or blanks.
    EXPECT_FALSE(parse_exif_datetime("0000:00:00 00:00:00"));
    EXPECT_FALSE(parse_exif_datetime("    :  :     :  :  "));
    EXPECT_FALSE(parse_exif_datetime("2026-11-30 16:15:02"));
}

TEST(StatedTime, BwfOrigination) {
    auto t = parse_bwf_origination("2026-11-30", "16:15:02");
    ASSERT_TRUE(t);
    EXPECT_TRUE(t->wall_clock);
    EXPECT_EQ(t->ms, (k20261130T081502Z + 8 * 3600) * 1000);
    EXPECT_EQ(parse_bwf_origination("2026-11-30", "16-15-02")->ms, t->ms);
    EXPECT_FALSE(parse_bwf_origination("2026-11-30", ""));
    EXPECT_FALSE(parse_bwf_origination("", "16:15:02"));
}

TEST(StatedTime, ExifOffsets) {
    EXPECT_EQ(parse_utc_offset("+08:00"), 8 * 3600);
    EXPECT_EQ(parse_utc_offset("-05:30"), -(5 * 3600 + 30 * 60));
    EXPECT_EQ(parse_utc_offset(std::string_view("+00:00\0", 7)), 0);
    EXPECT_FALSE(parse_utc_offset(""));
    EXPECT_FALSE(parse_utc_offset("   :  "));
    EXPECT_FALSE(parse_utc_offset("+25:00"));
}

}  // namespace
}  // namespace custody::media
