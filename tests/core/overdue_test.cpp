// R14: a device out longer than the offload deadline (policy, default 24 h) is flagged.
#include <gtest/gtest.h>

#include "kiosk/core/overdue.h"
#include "tests/support/checkout_helpers.h"

namespace custody {
namespace {

using namespace test::agency;
using test::checkout;
using test::StoreFixture;

class OverdueTest : public ::testing::Test {
protected:
    void SetUp() override {
        f.register_agency();
        f.make_all_ready();
    }
    std::vector<std::string> overdue_serials(Timestamp now) {
        auto r = find_overdue(f.store(), now);
        if (!r) {
            ADD_FAILURE() << log_line(r.error());
            return {};
        }
        std::vector<std::string> out;
        for (const auto& o : *r) out.push_back(o.device.serial);
        return out;
    }
    StoreFixture f;
};

TEST_F(OverdueTest, ListsOnlyDevicesOutPastTheDeadlineOldestFirst) {
    const Timestamp t0 = f.clock().now();
    ASSERT_TRUE(checkout(f, kLiuBadge).ok());  // XJ-CAM-01 at t0
    f.clock().advance_ms(2 * kMsPerHour);
    ASSERT_TRUE(checkout(f, kZhangBadge).ok());  // ZD-CAM-01 at t0 + 2h
    f.clock().advance_ms(kMsPerHour);
    ASSERT_TRUE(checkout(f, kLiBadge).ok());  // ZD-CAM-02 at t0 + 3h
    ASSERT_TRUE(test::give_back(f, "ZD-CAM-02", 2).ok());  // ... and back: never overdue

    EXPECT_TRUE(overdue_serials(Timestamp{t0.ms + 24 * kMsPerHour}).empty()) << "exactly at the deadline";
    EXPECT_EQ(overdue_serials(Timestamp{t0.ms + 24 * kMsPerHour + 1}), std::vector<std::string>{"XJ-CAM-01"});
    EXPECT_EQ(overdue_serials(Timestamp{t0.ms + 40 * kMsPerHour}),
              (std::vector<std::string>{"XJ-CAM-01", "ZD-CAM-01"}));

    auto r = find_overdue(f.store(), Timestamp{t0.ms + 40 * kMsPerHour + 30 * 60 * kMsPerSecond});
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->size(), 2u);
    const OverdueDevice& first = (*r)[0];
    ASSERT_TRUE(first.officer);
    EXPECT_EQ(first.officer->number, kLiu);
    EXPECT_EQ(first.hours_out, 40);
    EXPECT_EQ(first.checkout.at, t0);
    EXPECT_EQ(first.checkout.kind, CustodyKind::Checkout);
    EXPECT_EQ((*r)[1].officer->name, "张伟");
    EXPECT_EQ((*r)[1].hours_out, 38);
}

TEST_F(OverdueTest, DeadlineComesFromTheProfile) {
    f.set_profile("offload_deadline_hours", "48");
    const Timestamp t0 = f.clock().now();
    ASSERT_TRUE(checkout(f, kZhangBadge).ok());
    EXPECT_TRUE(overdue_serials(Timestamp{t0.ms + 47 * kMsPerHour}).empty());
    EXPECT_EQ(overdue_serials(Timestamp{t0.ms + 49 * kMsPerHour}), std::vector<std::string>{"ZD-CAM-01"});
}

TEST_F(OverdueTest, NothingOutNothingOverdue) {
    EXPECT_TRUE(overdue_serials(Timestamp{f.clock().now().ms + 1000 * kMsPerHour}).empty());
}

}  // namespace
}  // namespace custody
