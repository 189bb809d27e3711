// R13: an officer's interruption record is reviewed by the head of the officer's unit (or
// a supervisor or administrator), once, and the review is kept append-only and audited.
#include <gtest/gtest.h>

#include "kiosk/core/interruption_log.h"
#include "kiosk/core/interruption_review.h"
#include "tests/support/checkout_helpers.h"

namespace custody {
namespace {

using namespace test::agency;
using test::StoreFixture;

class InterruptionReviewTest : public ::testing::Test {
protected:
    void SetUp() override {
        f.register_agency();
        f.import(RegistryKind::Officers,
                 "number,name,unit_code,role,active\n"
                 "100020,钱军,ZD01,unit_head,1\n"
                 "200020,孙丽,XJ02,unit_head,1\n"
                 "100021,吴刚,ZD01,unit_head,0\n"
                 "900001,郑督察,ZD01,supervisor,1\n");
        f.make_all_ready();
        auto g = test::checkout(f, kZhangBadge);
        ASSERT_TRUE(g.ok());
        f.clock().advance_ms(8 * kMsPerHour);
        auto back = test::give_back(f, g->device.serial, g->slot);
        ASSERT_TRUE(back.ok());
        return_entry = back->entry_id;
        auto tx = f.store().begin();
        ASSERT_TRUE(tx.ok());
        OffloadJob j;
        j.device_id = g->device.id;
        j.slot = g->slot;
        j.return_entry_id = return_entry;
        j.started_at = f.clock().now();
        auto id = (*tx)->add_offload_job(j, {"kiosk", "offload_started", g->device.serial, ""});
        ASSERT_TRUE(id.ok());
        ASSERT_TRUE((*tx)->commit().ok());
        job = *id;
    }
    Officer officer(const std::string& number) {
        auto tx = f.store().begin();
        auto o = (*tx)->officer_by_number(number);
        if (!o.ok() || !*o) throw std::runtime_error("no officer " + number);
        return **o;
    }
    Id record(const std::string& number = kZhang) {
        auto r = InterruptionLog(f.store(), f.clock())
                     .add({job, number, InterruptionReason::BatteryOrStorage, "电量耗尽", "kiosk"});
        if (!r.ok()) throw std::runtime_error(log_line(r.error()));
        return r->id;
    }
    InterruptionReview review() { return InterruptionReview(f.store(), f.clock()); }
    StoreFixture f;
    Id return_entry = 0;
    Id job = 0;
};

TEST_F(InterruptionReviewTest, KioskFindsTheJobOfAReturnToFileTheRecordAgainst_R13) {
    auto j = InterruptionLog(f.store(), f.clock()).job_of_return(return_entry);
    ASSERT_TRUE(j.ok()) << log_line(j.error());
    EXPECT_EQ(j->id, job);
    auto none = InterruptionLog(f.store(), f.clock()).job_of_return(return_entry + 100);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().id, MessageId::ReturnHasNoJob);
}

TEST_F(InterruptionReviewTest, UnitHeadOfTheOfficersUnitApprovesOnceAndItLeavesPending_R13) {
    const Id id = record();
    auto pending = review().pending();
    ASSERT_TRUE(pending.ok());
    ASSERT_EQ(pending->size(), 1u);
    EXPECT_EQ((*pending)[0].id, id);
    ASSERT_TRUE(review().approve(id, officer("100020"), "情况属实").ok());
    EXPECT_TRUE(review().pending()->empty());
    auto audit = f.audit_after(f.last_audit_seq() - 1);
    EXPECT_EQ(audit.back().action, "interruption_reviewed");
    EXPECT_EQ(audit.back().actor, "100020");
    auto again = review().approve(id, officer("900001"), "");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().id, MessageId::InterruptionAlreadyReviewed);
    EXPECT_EQ(again.error().args[2], "100020");
    EXPECT_EQ(f.count("interruption_approvals"), 1);
}

TEST_F(InterruptionReviewTest, HeadOfAnotherUnitAnInactiveHeadAndAKeeperAreRefused_R13) {
    const Id id = record();
    for (const char* who : {"200020", "100021", "100004", kLi}) {
        auto s = review().approve(id, officer(who), "");
        ASSERT_FALSE(s.ok()) << who;
        EXPECT_EQ(s.error().id, MessageId::InterruptionReviewerRefused) << who;
        EXPECT_EQ(f.audit_after(f.last_audit_seq() - 1).back().action, "interruption_review_refused");
    }
    EXPECT_EQ(review().pending()->size(), 1u);
}

TEST_F(InterruptionReviewTest, ReviewerIsJudgedAsTheStoreHasHimNow_R13) {
    const Id id = record();
    Officer head = officer("100020");
    {
        auto tx = f.store().begin();
        ASSERT_TRUE((*tx)->set_officer_active(head.id, false, {"test", "deactivate", "100020", ""}).ok());
        ASSERT_TRUE((*tx)->commit().ok());
    }
    auto s = review().approve(id, head, "");  // the caller's copy still says active
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().id, MessageId::InterruptionReviewerRefused);
}

TEST_F(InterruptionReviewTest, SupervisorMayReviewButNobodyReviewsTheirOwnRecord_R13) {
    const Id own = record("100020");
    auto s = review().approve(own, officer("100020"), "");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().id, MessageId::InterruptionSelfReview);
    EXPECT_TRUE(review().approve(own, officer("900001"), "抽查").ok());
}

TEST_F(InterruptionReviewTest, UnknownRecordIsRefused_R13) {
    auto s = review().approve(4242, officer("100020"), "");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().id, MessageId::InterruptionUnknown);
}

}  // namespace
}  // namespace custody
