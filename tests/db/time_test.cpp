// Stored times are UTC; people read and type them in the agency's zone (default
// Asia/Shanghai, UTC+8, no daylight saving).
#include <gtest/gtest.h>

#include "kiosk/core/agency_time.h"
#include "tests/support/store_fixture.h"

namespace custody {
namespace {

class AgencyTime : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(apply_time_zone("Asia/Shanghai").ok()); }
};

TEST_F(AgencyTime, FormatsInTheAgencyZone) {
    EXPECT_EQ(format_local(test::kShiftStart), "2026-03-02 08:00:00");
    EXPECT_EQ(format_local_date(test::kShiftStart), "2026-03-02");
    // 16:30 UTC is already the next day in Shanghai.
    Timestamp late{test::kShiftStart.ms + 16 * kMsPerHour + 30 * 60 * kMsPerSecond + 5 * kMsPerSecond};
    EXPECT_EQ(format_local(late), "2026-03-03 00:30:05");
    EXPECT_EQ(format_local_date(late), "2026-03-03");
    EXPECT_EQ(format_local(Timestamp{-1}), "1970-01-01 07:59:59") << "negative ms round down, not up";
}

TEST_F(AgencyTime, ParsesEveryAcceptedShape) {
    EXPECT_EQ(parse_local("2026-03-02 08:00:00"), test::kShiftStart);
    EXPECT_EQ(parse_local("2026-03-02 08:00"), test::kShiftStart);
    EXPECT_EQ(parse_local("2026-03-02"), Timestamp{test::kShiftStart.ms - 8 * kMsPerHour});
    EXPECT_EQ(parse_local("2024-02-29 23:59:59"), Timestamp{1709222399000});
}

TEST_F(AgencyTime, RoundTripsOverAYear) {
    for (std::int64_t t = test::kShiftStart.ms; t < test::kShiftStart.ms + 366 * kMsPerDay; t += 7 * kMsPerHour + 13 * kMsPerSecond) {
        std::string text = format_local(Timestamp{t});
        auto back = parse_local(text);
        ASSERT_TRUE(back) << text;
        EXPECT_EQ(back->ms, t) << text;
    }
}

TEST_F(AgencyTime, RejectsWhatIsNotADate) {
    for (const char* s : {"", "2026-02-30", "2026-13-01", "2026-00-10", "2026-03-32", "2026-03-02 24:00",
                          "2026-03-02 08:60", "2026-03-02 08", "2026/03/02", "2026-3-2", "02-03-2026", "yesterday",
                          "2026-03-02T08:30", "2026-03-02T08:30:00Z", "2026-03-02 08:30junk", "2026-03-02x",
                          "2026-03-02 05:-1", " 2026-03-02", "2026-03-02 08:30:00 "})
        EXPECT_FALSE(parse_local(s)) << '"' << s << "\" accepted";
}

TEST_F(AgencyTime, UtcIsoForMachines) {
    EXPECT_EQ(format_utc_iso(test::kShiftStart), "2026-03-02T00:00:00.000Z");
    EXPECT_EQ(format_utc_iso(Timestamp{test::kShiftStart.ms + 5 * kMsPerSecond + 7}), "2026-03-02T00:00:05.007Z");
    EXPECT_EQ(format_utc_iso(Timestamp{0}), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(format_utc_iso(Timestamp{-1}), "1969-12-31T23:59:59.999Z");
    // Independent of the applied zone.
    ASSERT_TRUE(apply_time_zone("America/New_York").ok());
    EXPECT_EQ(format_utc_iso(test::kShiftStart), "2026-03-02T00:00:00.000Z");
    EXPECT_EQ(format_local(test::kShiftStart), "2026-03-01 19:00:00");
}

TEST_F(AgencyTime, AnotherZoneChangesTheReading) {
    ASSERT_TRUE(apply_time_zone("Asia/Urumqi").ok());  // UTC+6
    EXPECT_EQ(format_local(test::kShiftStart), "2026-03-02 06:00:00");
    EXPECT_EQ(parse_local("2026-03-02 06:00"), test::kShiftStart);
}

TEST_F(AgencyTime, UnknownZonesAreRefusedAndLeaveTheZoneAlone) {
    for (const char* z : {"", "Mars/Olympus_Mons", "Asia", "right", "zone.tab", "../zoneinfo/UTC", "/etc/localtime"}) {
        auto s = apply_time_zone(z);
        ASSERT_FALSE(s.ok()) << '"' << z << "\" accepted";
        EXPECT_EQ(s.error().id, MessageId::TimeZoneUnknown);
        EXPECT_EQ(s.error().args, std::vector<std::string>{z});
    }
    EXPECT_EQ(format_local(test::kShiftStart), "2026-03-02 08:00:00") << "a refused zone must not be applied";
}

}  // namespace
}  // namespace custody
