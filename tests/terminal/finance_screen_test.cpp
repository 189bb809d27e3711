// The finance screen (R3, R26): finance staff sign in with badge and PIN, see the asset
// register's totals and the cases waiting for them with the calculation, approve one, and
// can do nothing custodian mode does.
#include <gtest/gtest.h>

#include "kiosk/core/asset_card_import.h"
#include "kiosk/core/compensation_cases.h"
#include "tests/terminal/terminal_fixture.h"

namespace custody::test {
namespace {

using terminal::Screen;

constexpr const char* kFinance = "100020";
constexpr const char* kFinanceBadge = "04A23B2F";
constexpr const char* kFinancePin = "86420";

class FinanceScreenTest : public TerminalFixture {
protected:
    void SetUp() override {
        TerminalFixture::SetUp();
        store_.import(RegistryKind::Officers,
                      "number,name,unit_code,role,active\n100010,周敏,ZD01,unit_head,1\n100020,钱会计,ZD01,finance,1\n"
                      "100030,孙管理,ZD01,admin,1\n");
        store_.import(RegistryKind::Badges, "uid,officer_number\n04A23B2F,100020\n");
        set_pin(kFinance, kFinancePin);
        store_.make_all_ready();
        start_cabinet_with_three_cameras();
        auto rows = parse_csv("asset_number,device_serial,category,purchase_date,in_service_date,original_value,"
                              "funding_source,supplier,invoice_number\n"
                              "GA-1,DSJ0001,broadcast_av,2024-01-10,2024-01-15,3000.00,财政拨款,海康威视,FP1\n",
                              "cards.csv");
        ASSERT_TRUE(rows.ok());
        ASSERT_TRUE(AssetCardImport(store_.store(), store_.clock(), "test").run(*rows, "cards.csv").ok());
        // A case against the camera's keeper, reviewed by the custodian side and the unit head.
        CompensationCases cases(store_.store(), store_.clock(), "test");
        CaseOpening o;
        o.serial = "DSJ0001";
        o.cause = CompensationCause::Misuse;
        o.incident_at = Timestamp{store_.clock().now().ms - kMsPerHour};
        auto c = cases.open(o);
        ASSERT_TRUE(c.ok()) << log_line(c.error());
        case_id = c->id;
        for (auto [step, by] : {std::pair{CaseStep::CustodianReview, "100030"}, std::pair{CaseStep::UnitHeadReview, "100010"}}) {
            CaseStepRequest r;
            r.case_id = case_id;
            r.step = step;
            r.by_number = by;
            r.approved = true;
            r.reason = "属实";
            auto done = cases.record(r);
            ASSERT_TRUE(done.ok()) << log_line(done.error());
        }
        start_terminal();
    }
    Id case_id = 0;
};

TEST_F(FinanceScreenTest, AFinanceBadgeAndPinOpenTheFinanceScreenAndApproveACase_R26) {
    log_in_custodian(kFinanceBadge, kFinancePin);
    ASSERT_EQ(view().screen, Screen::Finance);
    ASSERT_TRUE(view().finance_officer.has_value());
    EXPECT_FALSE(view().custodian.has_value()) << "finance staff are not custodians";
    ASSERT_TRUE(view().finance.has_value());
    EXPECT_EQ(view().finance->cards, 1);
    EXPECT_EQ(view().finance->original_total, 300000);
    ASSERT_EQ(view().finance->to_review.size(), 1u);
    const auto& c = view().finance->to_review.front();
    EXPECT_EQ(c.id, case_id);
    EXPECT_EQ(c.device_serial, "DSJ0001");
    EXPECT_NE(c.liable.find("赵强"), std::string::npos) << c.liable;
    EXPECT_EQ(c.amount, c.outstanding);
    ASSERT_FALSE(c.calculation.empty());
    EXPECT_NE(c.calculation.back().find("100%"), std::string::npos) << c.calculation.back();

    // Custodian mode's taps do nothing for finance staff.
    term().tap_slot(1);
    EXPECT_EQ(view().screen, Screen::Finance);
    EXPECT_FALSE(view().detail.has_value());
    term().tap_reconcile();
    EXPECT_EQ(view().screen, Screen::Finance);

    term().tap_finance_approve(case_id);
    ASSERT_TRUE(view().notice.has_value());
    EXPECT_EQ(view().notice->id, MessageId::KioskCaseApproved) << log_line(*view().notice);
    EXPECT_TRUE(view().finance->to_review.empty());
    ASSERT_EQ(view().finance->owing.size(), 1u);
    EXPECT_EQ(view().finance->owing.front().id, case_id);
    auto tx = store_.store().begin();
    ASSERT_TRUE(tx.ok());
    auto events = (*tx)->finance().compensation_events(case_id);
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 3u);
    EXPECT_EQ(events->back().step, CaseStep::FinanceReview);
    auto by = (*tx)->officer(events->back().by_id);
    ASSERT_TRUE(by.ok() && by->has_value());
    EXPECT_EQ((*by)->number, kFinance);
    tx->reset();

    // Approving twice is refused by the chain, and said on the screen.
    term().tap_finance_approve(case_id);
    ASSERT_TRUE(view().notice.has_value());
    EXPECT_EQ(view().notice->id, MessageId::CompensationWrongStep);

    term().tap_home();
    EXPECT_EQ(view().screen, Screen::Idle);
    EXPECT_FALSE(view().finance_officer.has_value());
    EXPECT_FALSE(view().finance.has_value());
}

TEST_F(FinanceScreenTest, TheFinanceScreenLogsOutWhenLeftAlone) {
    log_in_custodian(kFinanceBadge, kFinancePin);
    ASSERT_EQ(view().screen, Screen::Finance);
    after_seconds(600);
    EXPECT_EQ(view().screen, Screen::Idle);
    EXPECT_FALSE(view().finance_officer.has_value());
}

}  // namespace
}  // namespace custody::test
