// R7/R8: the kiosk's own pre-use check, with every threshold taken from the profile.
#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/core/agency_time.h"
#include "kiosk/core/pre_use_check.h"

namespace custody {
namespace {

constexpr Timestamp kNow{1772409600000};

DockedDevice docked(int battery, std::int64_t storage_mb, std::int64_t offset_s, std::string fault = "",
                    std::int64_t age_ms = 0) {
    DockedDevice d;
    d.slot = 1;
    d.device.serial = "CAM";
    d.health = HealthReading{1, 1, Timestamp{kNow.ms - age_ms}, battery, storage_mb, offset_s, std::move(fault)};
    return d;
}

std::vector<MessageId> ids(const std::vector<Error>& es) {
    std::vector<MessageId> out;
    for (const auto& e : es) out.push_back(e.id);
    return out;
}

TEST(PreUseCheck, HealthyDevicePasses) {
    AgencyProfile p;
    EXPECT_TRUE(pre_use_problems(docked(100, 64 * 1024, 0), p, kNow).empty());
}

TEST(PreUseCheck, NoReadingIsTheOnlyProblemReported) {
    DockedDevice d;
    d.slot = 2;
    auto es = pre_use_problems(d, AgencyProfile{}, kNow);
    EXPECT_EQ(ids(es), std::vector<MessageId>{MessageId::CheckNoHealthReading});
}

TEST(PreUseCheck, DefaultThresholdsAreInclusive) {
    AgencyProfile p;  // 80 %, 8192 MB, 5 s, 12 h
    EXPECT_TRUE(pre_use_problems(docked(80, 8192, 5, "", 12 * kMsPerHour), p, kNow).empty());
    EXPECT_TRUE(pre_use_problems(docked(80, 8192, -5), p, kNow).empty());
    EXPECT_EQ(ids(pre_use_problems(docked(79, 8192, 0), p, kNow)), std::vector<MessageId>{MessageId::CheckBatteryLow});
    EXPECT_EQ(ids(pre_use_problems(docked(80, 8191, 0), p, kNow)), std::vector<MessageId>{MessageId::CheckStorageLow});
    EXPECT_EQ(ids(pre_use_problems(docked(80, 8192, 6), p, kNow)), std::vector<MessageId>{MessageId::CheckClockOff});
    EXPECT_EQ(ids(pre_use_problems(docked(80, 8192, -6), p, kNow)), std::vector<MessageId>{MessageId::CheckClockOff});
    EXPECT_EQ(ids(pre_use_problems(docked(80, 8192, 0, "", 12 * kMsPerHour + 1), p, kNow)),
              std::vector<MessageId>{MessageId::CheckStaleReading});
    EXPECT_EQ(ids(pre_use_problems(docked(100, 64 * 1024, 0, "sensor"), p, kNow)),
              std::vector<MessageId>{MessageId::CheckFault});
}

TEST(PreUseCheck, ThresholdsComeFromTheProfile) {
    AgencyProfile p;
    p.min_battery_pct = 50;
    p.min_free_storage_mb = 1024;
    p.max_clock_offset_s = 60;
    p.health_max_age_hours = 2;
    EXPECT_TRUE(pre_use_problems(docked(50, 1024, -60, "", 2 * kMsPerHour), p, kNow).empty());
    EXPECT_EQ(pre_use_problems(docked(49, 1024, 0), p, kNow).size(), 1u);
    EXPECT_EQ(pre_use_problems(docked(50, 1023, 0), p, kNow).size(), 1u);
    EXPECT_EQ(pre_use_problems(docked(50, 1024, 61), p, kNow).size(), 1u);
    EXPECT_EQ(pre_use_problems(docked(50, 1024, 0, "", 2 * kMsPerHour + 1), p, kNow).size(), 1u);
}

TEST(PreUseCheck, EveryProblemIsListedWithItsNumbers) {
    ASSERT_TRUE(apply_time_zone("Asia/Shanghai").ok());
    AgencyProfile p;
    auto es = pre_use_problems(docked(12, 100, -42, "镜头破损", 13 * kMsPerHour), p, kNow);
    auto got = ids(es);
    for (MessageId want : {MessageId::CheckStaleReading, MessageId::CheckFault, MessageId::CheckBatteryLow,
                           MessageId::CheckStorageLow, MessageId::CheckClockOff})
        EXPECT_NE(std::find(got.begin(), got.end(), want), got.end()) << message_text(want).key;
    ASSERT_EQ(es.size(), 5u);
    for (const auto& e : es) {
        switch (e.id) {
            case MessageId::CheckStaleReading: EXPECT_EQ(e.args, (std::vector<std::string>{"2026-03-01 19:00:00"})); break;
            case MessageId::CheckFault: EXPECT_EQ(e.args, (std::vector<std::string>{"镜头破损"})); break;
            case MessageId::CheckBatteryLow: EXPECT_EQ(e.args, (std::vector<std::string>{"12", "80"})); break;
            case MessageId::CheckStorageLow: EXPECT_EQ(e.args, (std::vector<std::string>{"100", "8192"})); break;
            case MessageId::CheckClockOff: EXPECT_EQ(e.args, (std::vector<std::string>{"-42", "5"})); break;
            default: ADD_FAILURE() << log_line(e);
        }
    }
    EXPECT_EQ(render(es[2], Lang::En), "battery 12% below 80%");
}

}  // namespace
}  // namespace custody
