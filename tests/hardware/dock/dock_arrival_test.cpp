// A camera appears in a slot: identified through the real adapter, returned in the real
// ledger, checked (R5, R7, R9, R14).
#include <gtest/gtest.h>

#include "kiosk/core/checkout.h"
#include "kiosk/core/dock_arrival.h"
#include "tests/hardware/dock/dock_fixture.h"

namespace custody::test {
namespace {

class DockArrivalTest : public DockFixture {
protected:
    Result<DockArrivalReport> arrive(int slot) {
        return DockArrival(store_.store(), store_.clock(), *link_).run(slot, charging(slot));
    }
};

TEST_F(DockArrivalTest, TheReturnClosesTheOfficersCheckoutThenTheCameraIsChecked_R5_R14) {
    store_.make_all_ready();
    auto grant = Checkout(store_.store(), store_.clock()).run({agency::kZhangBadge, std::nullopt, std::nullopt});
    ASSERT_TRUE(grant.ok()) << log_line(grant.error());
    ASSERT_EQ(grant->slot, 1);
    camera(1).set("user_no", agency::kZhang);  // what the camera carried on duty

    auto r = arrive(1);
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    ASSERT_TRUE(r->returned.has_value());
    EXPECT_FALSE(r->returned->unexpected);
    ASSERT_TRUE(r->returned->officer.has_value());
    EXPECT_EQ(r->returned->officer->number, agency::kZhang);
    EXPECT_EQ(store_.entry(r->returned->entry_id).closes_id, grant->entry_id);
    EXPECT_EQ(store_.device(kCam1).status, DeviceStatus::Docked);  // pending offload (R14)
    EXPECT_EQ(store_.device(kCam1).slot, 1);
    EXPECT_TRUE(r->inspection.faults.empty());
    EXPECT_EQ(camera(1).get("user_no"), "000000");
}

TEST_F(DockArrivalTest, ACameraThatWasNotOutIsAnUnexpectedReturnIntoAFreeSlot) {
    // DSJ0001 goes missing from slot 1 in the ledger's eyes (e.g. taken during an outage).
    Device d = store_.device(kCam1);
    d.status = DeviceStatus::Lost;
    d.slot.reset();
    store_.put_device(d);
    auto r = arrive(1);
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    ASSERT_TRUE(r->returned.has_value());
    EXPECT_TRUE(r->returned->unexpected);
    EXPECT_EQ(store_.device(kCam1).status, DeviceStatus::Docked);
}

TEST_F(DockArrivalTest, AKnownCameraInItsOwnSlotIsOnlyCheckedAgain) {
    const auto entries = store_.count("custody_entries");
    const auto health = store_.count("health_checks");
    auto r = arrive(2);
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    EXPECT_FALSE(r->returned.has_value());
    EXPECT_EQ(store_.count("custody_entries"), entries);
    EXPECT_EQ(store_.count("health_checks"), health + 1);
    EXPECT_EQ(store_.device(kCam2).status, DeviceStatus::InService);
}

TEST_F(DockArrivalTest, ACameraThatDoesNotAnswerIsUnidentifiedAndAudited) {
    camera(3).set("fault_unplugged", "1");
    const auto seq = store_.last_audit_seq();
    auto r = arrive(3);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().id, MessageId::DockUnidentified);
    ASSERT_TRUE(r.error().cause);
    EXPECT_EQ(r.error().cause->id, MessageId::CameraUnplugged);
    auto audit = store_.audit_after(seq);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "dock_unidentified");
    EXPECT_EQ(audit[0].subject, "slot 3");
}

TEST_F(DockArrivalTest, ASlotWithNoCameraConfiguredIsUnidentified) {
    auto r = arrive(9);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().id, MessageId::DockUnidentified);
}

TEST_F(DockArrivalTest, AnUnregisteredCameraIsRefusedByTheLedger) {
    store_.make_all_ready();
    ASSERT_TRUE(Checkout(store_.store(), store_.clock()).run({agency::kZhangBadge, std::nullopt, std::nullopt}).ok());
    camera(1).set("serial", "DSJ9999");
    const auto entries = store_.count("custody_entries");
    auto r = arrive(1);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().id, MessageId::DeviceUnknown);
    EXPECT_EQ(store_.count("custody_entries"), entries);
}

}  // namespace
}  // namespace custody::test
