// R3: monthly depreciation under Government Accounting Standard No. 3 (default) and the
// enterprise profile, exact in fen. Every expected figure below is worked out by hand in
// the comment beside it.
#include <gtest/gtest.h>

#include "kiosk/core/depreciation.h"

using namespace custody;

namespace {

AssetCard card(Fen original, int life, const char* in_service, DepreciationMethod method = DepreciationMethod::StraightLine) {
    AssetCard c;
    c.id = 7;
    c.original_value = original;
    c.useful_life_months = life;
    c.purchase_date = *parse_civil_date(in_service);
    c.in_service_date = *parse_civil_date(in_service);
    c.method = method;
    return c;
}

AccountingMonth m(const char* text) { return *parse_month(text); }

const DepreciationProfile kGov{};
const auto kNoUse = [](AccountingMonth) -> std::int64_t { return 0; };

}  // namespace

TEST(Depreciation, MonthOfAdditionIsCharged) {
    // 3,600.00 over 36 months: 100.00 a month, January (the month it was added) included.
    const AssetCard c = card(360000, 36, "2026-01-15");
    const auto jan = depreciate_through(c, kGov, m("2026-01"), kNoUse);
    EXPECT_EQ(jan.charge, 10000);
    EXPECT_EQ(jan.accumulated, 10000);
    EXPECT_EQ(jan.net_book_value, 350000);
    EXPECT_EQ(jan.value_date, (CivilDate{2026, 1, 31}));
    const auto dec = depreciate_through(c, kGov, m("2026-12"), kNoUse);
    EXPECT_EQ(dec.accumulated, 120000);  // 12 × 100.00
    EXPECT_EQ(dec.net_book_value, 240000);
    EXPECT_EQ(dec.months_charged, 12);
    // Before it was added there is nothing to charge and the full value stands.
    const auto before = depreciate_through(c, kGov, m("2025-12"), kNoUse);
    EXPECT_EQ(before.charge, 0);
    EXPECT_EQ(before.net_book_value, 360000);
    EXPECT_FALSE(on_register_in(c, m("2025-12")));
}

TEST(Depreciation, MonthOfDisposalIsNotCharged) {
    AssetCard c = card(360000, 36, "2026-01-15");
    c.disposed_on = CivilDate{2026, 6, 10};
    // January to May: 5 × 100.00. June, the month it leaves, carries no charge.
    const auto jun = depreciate_through(c, kGov, m("2026-06"), kNoUse);
    EXPECT_EQ(jun.charge, 0);
    EXPECT_EQ(jun.accumulated, 50000);
    EXPECT_EQ(jun.net_book_value, 310000);
    EXPECT_TRUE(on_register_in(c, m("2026-06")));
    EXPECT_FALSE(on_register_in(c, m("2026-07")));
}

TEST(Depreciation, RoundingAddsUpToTheOriginalValueExactly) {
    // 2,999.99 over 36 months: 299999 / 36 = 8333.31 → 83.33 the first month. What is left
    // over (11 fen beyond 36 × 83.33) is spread as the remaining months shrink, and the
    // 36 charges add up to 2,999.99 to the fen; the 37th month charges nothing.
    const AssetCard c = card(299999, 36, "2026-01-01");
    DepreciationState s;
    Fen sum = 0;
    AccountingMonth month = m("2026-01");
    for (int i = 0; i < 36; ++i, month = month.next()) {
        const auto l = depreciate_month(c, kGov, month, s, 0);
        if (i == 0) {
            EXPECT_EQ(l.charge, 8333);
        }
        EXPECT_GE(l.charge, 8333);
        EXPECT_LE(l.charge, 8334);
        sum += l.charge;
        s = l.state();
    }
    EXPECT_EQ(sum, 299999);
    EXPECT_EQ(s.accumulated, 299999);
    const auto after = depreciate_month(c, kGov, month, s, 0);
    EXPECT_EQ(after.charge, 0);
    EXPECT_EQ(after.net_book_value, 0);
}

TEST(Depreciation, MidLifeDisposal) {
    // Same 2,999.99 card, disposed of in November 2026: January to October are charged.
    // Month k's charge is 83.33 + 0.11/(37-k) rounded, which stays 83.33 for k ≤ 13, so the
    // ten charges are 10 × 83.33 = 833.30, and 2,166.69 stands on the books.
    AssetCard c = card(299999, 36, "2026-01-01");
    c.disposed_on = CivilDate{2026, 11, 3};
    const auto nov = depreciate_through(c, kGov, m("2026-11"), kNoUse);
    EXPECT_EQ(nov.charge, 0);
    EXPECT_EQ(nov.accumulated, 83330);
    EXPECT_EQ(nov.net_book_value, 216669);
    EXPECT_EQ(nov.months_charged, 10);
}

TEST(Depreciation, TwentyNinthOfFebruaryPurchase) {
    ASSERT_FALSE(parse_civil_date("2025-02-29").has_value());
    ASSERT_TRUE(parse_civil_date("2024-02-29").has_value());
    // 6,000.00 over 60 months from 29 February 2024: 100.00 a month, February 2024 to
    // January 2029 (60 months); February 2029 charges nothing, and nothing is left.
    const AssetCard c = card(600000, 60, "2024-02-29");
    const auto feb24 = depreciate_through(c, kGov, m("2024-02"), kNoUse);
    EXPECT_EQ(feb24.charge, 10000);
    EXPECT_EQ(feb24.value_date, (CivilDate{2024, 2, 29}));
    const auto jan29 = depreciate_through(c, kGov, m("2029-01"), kNoUse);
    EXPECT_EQ(jan29.charge, 10000);
    EXPECT_EQ(jan29.net_book_value, 0);
    const auto feb29 = depreciate_through(c, kGov, m("2029-02"), kNoUse);
    EXPECT_EQ(feb29.charge, 0);
    EXPECT_EQ(feb29.accumulated, 600000);
    EXPECT_EQ(feb29.value_date, (CivilDate{2029, 2, 28}));
}

TEST(Depreciation, EnterpriseProfileStartsNextMonthAndChargesTheMonthItLeaves) {
    // 3,600.00 with a 5% residual (180.00): 3,420.00 over 36 months is 95.00 a month,
    // from February (the month after it was added) to June (the month it left): 5 months.
    const DepreciationProfile ent{DepreciationPolicy::Enterprise, 500};
    AssetCard c = card(360000, 36, "2026-01-15");
    EXPECT_EQ(depreciate_through(c, ent, m("2026-01"), kNoUse).charge, 0);
    EXPECT_EQ(depreciate_through(c, ent, m("2026-02"), kNoUse).charge, 9500);
    c.disposed_on = CivilDate{2026, 6, 10};
    const auto jun = depreciate_through(c, ent, m("2026-06"), kNoUse);
    EXPECT_EQ(jun.charge, 9500);
    EXPECT_EQ(jun.accumulated, 47500);
    EXPECT_EQ(jun.residual_value, 18000);
    EXPECT_EQ(jun.net_book_value, 312500);
    // It never goes below the residual value: after 36 charged months NBV is 180.00.
    AssetCard kept = card(360000, 36, "2026-01-15");
    const auto end = depreciate_through(kept, ent, m("2029-06"), kNoUse);
    EXPECT_EQ(end.net_book_value, 18000);
}

TEST(Depreciation, WorkloadMethodFollowsHoursOfUse) {
    // 1,000.00 over 1,000 hours: 30 hours → 30.00; a month unused → nothing; a month
    // beyond the remaining hours takes what is left (970.00).
    const AssetCard c = card(100000, 36, "2026-01-01", DepreciationMethod::Workload);
    AssetCard w = c;
    w.total_workload_hours = 1000;
    DepreciationState s;
    auto l1 = depreciate_month(w, kGov, m("2026-01"), s, 30);
    EXPECT_EQ(l1.charge, 3000);
    auto l2 = depreciate_month(w, kGov, m("2026-02"), l1.state(), 0);
    EXPECT_EQ(l2.charge, 0);
    auto l3 = depreciate_month(w, kGov, m("2026-03"), l2.state(), 2000);
    EXPECT_EQ(l3.charge, 97000);
    EXPECT_EQ(l3.net_book_value, 0);
    // 7 hours of the remaining 970 on 970.00: 7.00 exactly; 1 hour of 3: 323.33 (half up).
    EXPECT_EQ(depreciate_month(w, kGov, m("2026-02"), l1.state(), 7).charge, 700);
    DepreciationState late{100000 - 1000, 5, 997};
    EXPECT_EQ(depreciate_month(w, kGov, m("2026-06"), late, 1).charge, 333);
}

TEST(Depreciation, ALongerLifeActsFromTheNextMonthOnly) {
    // After 12 months of 100.00 (of 3,600.00 over 36), the life goes to 48 months: the
    // 2,400.00 left is spread over the 36 months left, 66.67 a month (6666.67 → 6667).
    AssetCard c = card(360000, 36, "2026-01-01");
    const auto dec = depreciate_through(c, kGov, m("2026-12"), kNoUse);
    c.useful_life_months = 48;
    const auto jan = depreciate_month(c, kGov, m("2027-01"), dec.state(), 0);
    EXPECT_EQ(jan.charge, 6667);
    EXPECT_EQ(jan.accumulated, 126667);
}

TEST(Depreciation, ConventionIsStatedInBothLanguages) {
    EXPECT_NE(convention_text(kGov, true).find("当月增加当月计提"), std::string::npos);
    EXPECT_NE(convention_text(DepreciationProfile{DepreciationPolicy::Enterprise, 500}, false).find("5%"),
              std::string::npos);
}
