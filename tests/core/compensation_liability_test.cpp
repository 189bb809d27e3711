// R26: liability from the asset card. Worked figures: a 3,280.50 camera, 36 months
// straight-line from January 2026; the value date is the end of the month before the
// incident.
#include <gtest/gtest.h>

#include "kiosk/core/compensation_liability.h"

using namespace custody;

namespace {
DepreciationLine value_at_end_of(const char* month) {
    AssetCard c;
    c.original_value = 328050;
    c.useful_life_months = 36;
    c.in_service_date = CivilDate{2026, 1, 15};
    c.purchase_date = c.in_service_date;
    return depreciate_through(c, DepreciationProfile{}, *parse_month(month), [](AccountingMonth) { return 0; });
}
}  // namespace

TEST(CompensationLiability, NegligencePaysNetBookValueTimesTheRate_R26) {
    // January to March 2026, each charge what remains over the months left, half up.
    const auto v = value_at_end_of("2026-03");
    ASSERT_EQ(v.accumulated + v.net_book_value, 328050);
    ASSERT_EQ(v.accumulated, 27338);  // 9113 + 9112 + 9113: 328050/36 = 9112.5 → 9113; 318937/35 = 9112.49 → 9112; 309825/34 = 9112.5 → 9113
    const auto l = liability_for(CompensationCause::PoorKeeping, v, 5000);
    EXPECT_EQ(l.basis, LiabilityBasis::NetBookValue);
    EXPECT_EQ(l.basis_amount, 300712);
    EXPECT_EQ(l.amount, 150356);  // 3,007.12 × 50% = 1,503.56
    const auto odd = liability_for(CompensationCause::Misuse, v, 3333);
    EXPECT_EQ(odd.amount, 100227);  // 300712 × 0.3333 = 100227.31 → 1,002.27
    EXPECT_FALSE(opens_violation(CompensationCause::Misuse));
}

TEST(CompensationLiability, DeliberateDamagePaysTheOriginalPrice_R26) {
    const auto l = liability_for(CompensationCause::Deliberate, value_at_end_of("2026-03"), 5000);
    EXPECT_EQ(l.basis, LiabilityBasis::OriginalValue);
    EXPECT_EQ(l.amount, 328050);
    EXPECT_TRUE(opens_violation(CompensationCause::Deliberate));
}

TEST(CompensationLiability, ForceMajeurePaysNothing_R26) {
    const auto l = liability_for(CompensationCause::ForceMajeure, value_at_end_of("2026-03"), 5000);
    EXPECT_EQ(l.basis, LiabilityBasis::None);
    EXPECT_EQ(l.amount, 0);
}

TEST(CompensationLiability, TheCalculationIsShownLineByLine_R26) {
    const auto v = value_at_end_of("2026-03");
    const auto lines = calculation_lines(liability_for(CompensationCause::PoorKeeping, v, 5000), v, true);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], "原值：3,280.50");
    EXPECT_NE(lines[1].find("年限平均法"), std::string::npos);
    EXPECT_NE(lines[1].find("2026-03-31"), std::string::npos);
    EXPECT_EQ(lines[2], "账面净值：3,280.50 - 273.38 = 3,007.12");
    EXPECT_NE(lines[3].find("3,007.12 × 50% = 1,503.56"), std::string::npos);
}
