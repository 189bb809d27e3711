#include "kiosk/media/time_zone_rules.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "kiosk/media/posix_tz_rule.h"
#include "kiosk/media/stated_time.h"
#include "tests/support/run_command.h"

namespace custody::media {
namespace {

using test::run_command;

// date(1) in a child with its own TZ: glibc's reading of the same zone files.
std::vector<long long> date_oracle(const std::string& zone, const std::vector<std::string>& inputs,
                                   const char* format) {
    std::string in;
    for (const auto& s : inputs) in += s + "\n";
    auto r = run_command({"date", "-f", "-", std::string("+") + format}, {{"TZ", zone}}, in);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<long long> out;
    std::istringstream lines(r.out);
    std::string line;
    while (std::getline(lines, line)) out.push_back(std::stoll(line));
    return out;
}

std::int64_t local_seconds(int y, int mo, int d, int h, int mi) {
    return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

constexpr int kYears[] = {1975, 1988, 2026, 2045, 2090};  // after 2037: the TZ string alone

const char* const kZones[] = {"Asia/Shanghai",  "Europe/Berlin",     "America/New_York", "Australia/Sydney",
                              "Asia/Kolkata",   "America/St_Johns",  "Pacific/Chatham",  "UTC",
                              "Asia/Urumqi",    "America/Sao_Paulo"};

TEST(TimeZoneRules, LocalToUtcAgreesWithTheCLibrary) {
    for (const char* zone : kZones) {
        auto rules = TimeZoneRules::load(zone);
        ASSERT_TRUE(rules) << zone;
        std::vector<std::string> inputs;
        std::vector<std::int64_t> locals;
        for (int y : kYears)
            for (int mo : {1, 4, 7, 10})
                for (int h : {0, 12, 23}) {
                    char text[32];
                    std::snprintf(text, sizeof text, "%04d-%02d-15 %02d:20:00", y, mo, h);
                    inputs.push_back(text);
                    locals.push_back(local_seconds(y, mo, 15, h, 20));
                }
        auto expected = date_oracle(zone, inputs, "%s");
        ASSERT_EQ(expected.size(), locals.size()) << zone;
        for (std::size_t i = 0; i < locals.size(); ++i)
            EXPECT_EQ(rules->to_utc(locals[i]), expected[i]) << zone << " " << inputs[i];
    }
}

TEST(TimeZoneRules, OffsetAtAnInstantAgreesWithTheCLibrary) {
    for (const char* zone : kZones) {
        auto rules = TimeZoneRules::load(zone);
        ASSERT_TRUE(rules) << zone;
        std::vector<std::string> inputs;
        std::vector<std::int64_t> instants;
        // Every 9 days and 5 hours from 1980 to 2060: both sides of many changes.
        for (std::int64_t t = 315532800; t < 2840140800; t += 9 * 86400 + 5 * 3600) {
            inputs.push_back("@" + std::to_string(t));
            instants.push_back(t);
        }
        auto expected = date_oracle(zone, inputs, "%z");
        ASSERT_EQ(expected.size(), instants.size()) << zone;
        for (std::size_t i = 0; i < instants.size(); ++i) {
            const long long hhmm = expected[i];
            const int seconds = static_cast<int>((hhmm / 100) * 3600 + (hhmm % 100) * 60);
            EXPECT_EQ(rules->utc_offset_at(instants[i]), seconds) << zone << " " << inputs[i];
        }
    }
}

TEST(TimeZoneRules, ShanghaiIsEightHoursAheadAndHadSummerTimeUntil1991) {
    auto sh = TimeZoneRules::load("Asia/Shanghai");
    ASSERT_TRUE(sh);
    // Local 08:00 on 2026-11-30 is midnight UTC.
    EXPECT_EQ(sh->to_utc(local_seconds(2026, 11, 30, 8, 0)), local_seconds(2026, 11, 30, 0, 0));
    EXPECT_EQ(sh->to_utc(local_seconds(2026, 7, 1, 8, 0)), local_seconds(2026, 7, 1, 0, 0));
    EXPECT_EQ(sh->to_utc(local_seconds(1988, 7, 1, 9, 0)), local_seconds(1988, 7, 1, 0, 0));
}

TEST(TimeZoneRules, ATimeShownTwiceIsTheEarlierInstant) {
    auto berlin = TimeZoneRules::load("Europe/Berlin");
    ASSERT_TRUE(berlin);
    // 2026-10-25: clocks go back from 03:00 CEST to 02:00 CET at 01:00 UTC.
    EXPECT_EQ(berlin->to_utc(local_seconds(2026, 10, 25, 2, 30)), local_seconds(2026, 10, 25, 0, 30));
    EXPECT_EQ(berlin->to_utc(local_seconds(2026, 10, 25, 3, 0)), local_seconds(2026, 10, 25, 2, 0));
}

TEST(TimeZoneRules, ATimeNeverShownReadsWithTheOffsetBeforeTheChange) {
    auto berlin = TimeZoneRules::load("Europe/Berlin");
    ASSERT_TRUE(berlin);
    // 2026-03-29: clocks go forward from 02:00 CET to 03:00 CEST at 01:00 UTC.
    EXPECT_EQ(berlin->to_utc(local_seconds(2026, 3, 29, 2, 30)), local_seconds(2026, 3, 29, 1, 30));
    EXPECT_EQ(berlin->to_utc(local_seconds(2026, 3, 29, 3, 0)), local_seconds(2026, 3, 29, 1, 0));
    EXPECT_EQ(berlin->to_utc(local_seconds(2026, 3, 29, 1, 59)), local_seconds(2026, 3, 29, 0, 59));
}

TEST(TimeZoneRules, UnknownZonesAndDamagedFilesAreRefused) {
    EXPECT_FALSE(TimeZoneRules::load("Nowhere/City"));
    EXPECT_FALSE(TimeZoneRules::load("Asia"));
    EXPECT_FALSE(TimeZoneRules::load("../etc/passwd"));
    EXPECT_FALSE(TimeZoneRules::parse(""));
    EXPECT_FALSE(TimeZoneRules::parse("TZif2 but nothing more"));
    EXPECT_FALSE(TimeZoneRules::parse(std::string(200, 'x')));
}

TEST(PosixTzRule, NorthernAndSouthernSummers) {
    auto cet = PosixTzRule::parse("CET-1CEST,M3.5.0,M10.5.0/3");
    ASSERT_TRUE(cet);
    const std::int64_t spring = local_seconds(2026, 3, 29, 1, 0);  // UTC
    EXPECT_EQ(cet->utc_offset_at(spring - 1), 3600);
    EXPECT_EQ(cet->utc_offset_at(spring), 7200);
    const std::int64_t autumn = local_seconds(2026, 10, 25, 1, 0);
    EXPECT_EQ(cet->utc_offset_at(autumn - 1), 7200);
    EXPECT_EQ(cet->utc_offset_at(autumn), 3600);

    auto sydney = PosixTzRule::parse("AEST-10AEDT,M10.1.0,M4.1.0/3");
    ASSERT_TRUE(sydney);
    EXPECT_EQ(sydney->utc_offset_at(local_seconds(2026, 1, 15, 0, 0)), 11 * 3600);
    EXPECT_EQ(sydney->utc_offset_at(local_seconds(2026, 7, 15, 0, 0)), 10 * 3600);
}

TEST(PosixTzRule, FormsOfTheString) {
    EXPECT_EQ(PosixTzRule::parse("CST-8")->utc_offset_at(0), 8 * 3600);
    EXPECT_EQ(PosixTzRule::parse("<+0545>-5:45")->utc_offset_at(0), 5 * 3600 + 45 * 60);
    EXPECT_EQ(PosixTzRule::parse("<-03>3")->utc_offset_at(0), -3 * 3600);
    // Daylight time all year, as zic writes it.
    auto always = PosixTzRule::parse("EST5EDT,0/0,J365/25");
    ASSERT_TRUE(always);
    EXPECT_EQ(always->utc_offset_at(local_seconds(2026, 1, 1, 12, 0)), -4 * 3600);
    EXPECT_EQ(always->utc_offset_at(local_seconds(2026, 12, 31, 12, 0)), -4 * 3600);
    for (const char* bad : {"", "C-8", "CST", "CST-8CDT,M13.1.0,M11.1.0", "CST-8CDT,M3.2.0", "CST-8,M3.2.0,M11.1.0"})
        EXPECT_FALSE(PosixTzRule::parse(bad)) << bad;
}

}  // namespace
}  // namespace custody::media
