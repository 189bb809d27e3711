// R3, R26: money is integer fen; parsing refuses what finance would not write, and
// division rounds half up to the fen.
#include <gtest/gtest.h>

#include "kiosk/core/money.h"

using namespace custody;

TEST(Money, ParsesYuanIntoFen) {
    EXPECT_EQ(*parse_yuan("3280.50"), 328050);
    EXPECT_EQ(*parse_yuan("3280.5"), 328050);
    EXPECT_EQ(*parse_yuan("3280"), 328000);
    EXPECT_EQ(*parse_yuan("1,234.56"), 123456);
    EXPECT_EQ(*parse_yuan("\xC2\xA5" "12.05"), 1205);
    EXPECT_EQ(*parse_yuan("0"), 0);
}

TEST(Money, RefusesWhatIsNotAnAmount) {
    for (const char* bad : {"", "-1", "1.234", "12a", "1.", ".5", "1e3", "abc", "1234567890123"}) {
        auto r = parse_yuan(bad);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().id, MessageId::MoneyMalformed) << bad;
        EXPECT_EQ(r.error().args.at(0), bad);
    }
}

TEST(Money, WritesYuan) {
    EXPECT_EQ(yuan_text(328050), "3280.50");
    EXPECT_EQ(yuan_text(5), "0.05");
    EXPECT_EQ(yuan_text(0), "0.00");
    EXPECT_EQ(yuan_text(-1205), "-12.05");
    EXPECT_EQ(yuan_grouped(123456789), "1,234,567.89");
    EXPECT_EQ(yuan_grouped(99999), "999.99");
    EXPECT_EQ(yuan_grouped(100000), "1,000.00");
}

TEST(Money, DividesHalfUp) {
    EXPECT_EQ(divide_half_up(299999, 1, 36), 8333);   // 8333.30…
    EXPECT_EQ(divide_half_up(5, 1, 2), 3);            // 2.5 → 3
    EXPECT_EQ(divide_half_up(7, 1, 2), 4);            // 3.5 → 4
    EXPECT_EQ(divide_half_up(1, 1, 3), 0);            // 0.33 → 0
    EXPECT_EQ(divide_half_up(2, 1, 3), 1);            // 0.67 → 1
    // A product beyond 64 bits is still exact: 9e14 fen × 9e3 / 9e3.
    EXPECT_EQ(divide_half_up(900'000'000'000'000, 9'000, 9'000), 900'000'000'000'000);
    EXPECT_THROW((void)divide_half_up(1, 1, 0), std::logic_error);
}

TEST(Money, RatesAreBasisPoints) {
    EXPECT_EQ(*parse_rate_bp("50%"), 5000);
    EXPECT_EQ(*parse_rate_bp("12.5%"), 1250);
    EXPECT_EQ(*parse_rate_bp("100%"), 10000);
    EXPECT_EQ(*parse_rate_bp("0%"), 0);
    for (const char* bad : {"50", "101%", "-5%", "12.345%", "%"}) {
        auto r = parse_rate_bp(bad);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().id, MessageId::RateMalformed);
    }
    EXPECT_EQ(rate_text(5000), "50%");
    EXPECT_EQ(rate_text(1250), "12.5%");
    EXPECT_EQ(rate_text(1205), "12.05%");
    // 1,333.33 × 50% = 666.665 → 666.67 (half up).
    EXPECT_EQ(apply_rate(133333, 5000), 66667);
    EXPECT_EQ(apply_rate(133332, 5000), 66666);
}
