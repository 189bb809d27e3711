// Single registry changes a custodian makes by hand (revoke a badge, take an officer off
// duty, change one policy number): each is audited, and a refused one is audited too.
#include <gtest/gtest.h>

#include "kiosk/core/registry_changes.h"
#include "tests/support/store_fixture.h"

namespace custody {
namespace {

using namespace test::agency;
using test::StoreFixture;

class RegistryChanges : public ::testing::Test {
protected:
    void SetUp() override { f.register_agency(); }
    StoreFixture f;
};

TEST_F(RegistryChanges, RevokeBadgeOnceThenRefused) {
    f.clock().advance_ms(kMsPerHour);
    ASSERT_TRUE(revoke_badge(f.store(), f.clock(), kLiBadge, "遗失", "custodian").ok());
    auto b = f.store().begin().value()->badge(kLiBadge).value();
    ASSERT_TRUE(b);
    EXPECT_EQ(b->revoked_at, f.clock().now());
    EXPECT_EQ(b->revoke_reason, "遗失");

    const auto seq = f.last_audit_seq();
    auto again = revoke_badge(f.store(), f.clock(), kLiBadge, "again", "custodian");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().id, MessageId::BadgeRevoked);
    auto unknown = revoke_badge(f.store(), f.clock(), "0BADBADB", "x", "custodian");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().id, MessageId::BadgeUnknown);
    auto audit = f.audit_after(seq);
    ASSERT_EQ(audit.size(), 2u);
    EXPECT_EQ(audit[0].action, "revoke_badge_refused");
    EXPECT_EQ(audit[1].action, "revoke_badge_refused");
    // The first revocation time is kept.
    EXPECT_EQ(f.store().begin().value()->badge(kLiBadge).value()->revoke_reason, "遗失");
}

TEST_F(RegistryChanges, OfficerActiveFlag) {
    ASSERT_TRUE(set_officer_active(f.store(), kWang, true, "custodian").ok());
    EXPECT_TRUE(f.store().begin().value()->officer_by_number(kWang).value()->active);
    auto r = set_officer_active(f.store(), "999999", false, "custodian");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().id, MessageId::OfficerUnknown);
    EXPECT_EQ(f.audit_after(f.last_audit_seq() - 1).at(0).action, "officer_state_refused");
}

TEST_F(RegistryChanges, ProfileChangeIsStoredAndAudited) {
    const auto seq = f.last_audit_seq();
    auto p = change_profile(f.store(), "offload_deadline_hours", "48", "custodian");
    ASSERT_TRUE(p.ok()) << log_line(p.error());
    EXPECT_EQ(p->offload_deadline_hours, 48);
    f.reopen();
    EXPECT_EQ(f.store().begin().value()->profile().value().offload_deadline_hours, 48);
    auto audit = f.audit_after(seq);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "profile_change");
    EXPECT_EQ(audit[0].subject, "offload_deadline_hours");
    EXPECT_EQ(audit[0].detail, "from=24; to=48");
}

TEST_F(RegistryChanges, BadProfileChangeIsRefusedAndAudited) {
    const std::string before = f.snapshot();
    const auto seq = f.last_audit_seq();
    auto p = change_profile(f.store(), "min_battery_pct", "150", "custodian");
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().id, MessageId::ProfileBadValue);
    EXPECT_EQ(f.snapshot(), before);
    auto audit = f.audit_after(seq);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "profile_change_refused");
}

}  // namespace
}  // namespace custody
