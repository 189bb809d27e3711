// Planning a checkout (R6, R7): the same rules as the checkout itself, nothing written but
// an audited refusal; and a checkout held to the one device the cabinet has just checked.
#include <gtest/gtest.h>

#include "tests/support/checkout_helpers.h"

namespace custody {
namespace {

using namespace test::agency;
using test::StoreFixture;

class CheckoutPlanTest : public ::testing::Test {
protected:
    void SetUp() override {
        f.register_agency();
        f.make_all_ready();
    }
    Checkout checkout() { return Checkout(f.store(), f.clock()); }
    StoreFixture f;
};

TEST_F(CheckoutPlanTest, ListsTheUnitsReadyDevicesBestFirstAndWritesNothing_R6) {
    const auto before = f.snapshot();
    const auto seq = f.last_audit_seq();
    auto plan = checkout().plan({kZhangBadge, std::nullopt, std::nullopt});
    ASSERT_TRUE(plan.ok()) << log_line(plan.error());
    EXPECT_EQ(plan->officer.number, kZhang);
    ASSERT_EQ(plan->ready.size(), 2u);  // XJ02's camera is not ZD01's (R6)
    EXPECT_EQ(plan->ready[0].slot, 1);
    EXPECT_EQ(plan->ready[1].slot, 2);
    EXPECT_EQ(f.snapshot(), before);
    EXPECT_EQ(f.last_audit_seq(), seq);
}

TEST_F(CheckoutPlanTest, ARefusedPlanIsAuditedLikeARefusedCheckout) {
    const auto seq = f.last_audit_seq();
    auto plan = checkout().plan({kWangBadge, std::nullopt, std::nullopt});
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.error().id, MessageId::OfficerInactive);
    auto audit = f.audit_after(seq);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "checkout_refused");
}

TEST_F(CheckoutPlanTest, ACheckoutHeldToOneDeviceIssuesThatDevice_R7) {
    auto g = checkout().run({kZhangBadge, std::nullopt, std::string("ZD-CAM-02")});
    ASSERT_TRUE(g.ok()) << log_line(g.error());
    EXPECT_EQ(g->device.serial, "ZD-CAM-02");
    EXPECT_EQ(g->slot, 2);
}

TEST_F(CheckoutPlanTest, ACheckoutHeldToADeviceNoLongerReadyIsRefused_R7) {
    auto bad = test::good_reading("ZD-CAM-02");
    bad.battery_pct = 10;
    f.record_health(bad);
    const auto entries = f.count("custody_entries");
    auto g = checkout().run({kZhangBadge, std::nullopt, std::string("ZD-CAM-02")});
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(g.error().id, MessageId::NoReadyDevice);
    EXPECT_EQ(f.count("custody_entries"), entries);
}

TEST_F(CheckoutPlanTest, ACheckoutHeldToAnotherUnitsDeviceIsRefused_R6) {
    auto g = checkout().run({kZhangBadge, std::nullopt, std::string("XJ-CAM-01")});
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(g.error().id, MessageId::NoReadyDevice);
}

}  // namespace
}  // namespace custody
