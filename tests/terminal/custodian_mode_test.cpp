// Custodian mode through the screens: a custodian badge and PIN, the slot grid, a
// device's ledger history (R5), quarantine and release (R9), the inventory reconciliation
// saved as a record (R3), and the unit head's review of interruption records (R13).
#include <gtest/gtest.h>

#include "kiosk/core/checkout.h"
#include "kiosk/core/custody_return.h"
#include "kiosk/core/interruption_log.h"
#include "kiosk/core/offload_completion.h"
#include "tests/support/checkout_helpers.h"
#include "tests/terminal/terminal_fixture.h"

namespace custody::test {
namespace {

using terminal::Screen;

constexpr const char* kKeeper = "100004";  // 赵强, ZD01 keeper
constexpr const char* kKeeperPin = "2468";
constexpr const char* kHead = "100010";  // 周敏, ZD01 unit head
constexpr const char* kHeadBadge = "04A23B1A";
constexpr const char* kHeadPin = "13579";

class CustodianModeTest : public TerminalFixture {
protected:
    void SetUp() override {
        TerminalFixture::SetUp();
        store_.import(RegistryKind::Officers, "number,name,unit_code,role,active\n100010,周敏,ZD01,unit_head,1\n");
        store_.import(RegistryKind::Badges, "uid,officer_number\n04A23B1A,100010\n");
        set_pin(kKeeper, kKeeperPin);
        set_pin(kHead, kHeadPin);
        store_.make_all_ready();
        start_cabinet_with_three_cameras();
        start_terminal();
    }
    // 张伟's shift with DSJ0001 (out and back, footage offloaded), in the ledger.
    void zhang_shift_on_cam1() {
        auto g = Checkout(store_.store(), store_.clock()).run({agency::kZhangBadge, std::string(agency::kLiBadge),
                                                               std::string(kCam1)});
        ASSERT_TRUE(g.ok()) << log_line(g.error());
        store_.clock().advance_ms(8 * kMsPerHour);
        auto r = give_back(store_, kCam1, 1);
        ASSERT_TRUE(r.ok()) << log_line(r.error());
        auto o = offloaded(store_, kCam1);
        ASSERT_TRUE(o.ok()) << log_line(o.error());
        store_.make_all_ready();
    }
};

TEST_F(CustodianModeTest, AKeepersBadgeAsksForThePinAndOnlyTheRightPinOpensTheSlots_R16) {
    term().tap_custodian();
    EXPECT_EQ(view().screen, Screen::CustodianBadge);
    tap(agency::kZhaoBadge);
    EXPECT_EQ(view().screen, Screen::CustodianPin);
    ASSERT_TRUE(view().pin.has_value());
    EXPECT_EQ(view().pin->custodian.number, kKeeper);
    EXPECT_EQ(view().pin->digits, 0);

    type_pin("1111");
    EXPECT_EQ(view().pin->digits, 4) << "dots, never the digits";
    term().tap_pin_enter();
    EXPECT_EQ(view().screen, Screen::CustodianPin);
    ASSERT_TRUE(view().pin.has_value());
    ASSERT_TRUE(view().pin->error.has_value());
    EXPECT_EQ(view().pin->error->id, MessageId::CustodianPinWrong);
    EXPECT_EQ(view().pin->digits, 0);
    EXPECT_FALSE(view().custodian.has_value());

    type_pin("24680");
    term().tap_pin_back();  // the last digit was a slip
    EXPECT_EQ(view().pin->digits, 4);
    EXPECT_FALSE(view().pin->error.has_value()) << "typing again clears the error";
    term().tap_pin_enter();
    EXPECT_EQ(view().screen, Screen::CustodianSlots);
    ASSERT_TRUE(view().custodian.has_value());
    EXPECT_EQ(view().custodian->number, kKeeper);
    EXPECT_FALSE(view().pin.has_value());
    EXPECT_EQ(view().tiles.size(), 3u);

    term().tap_home();  // logs out
    EXPECT_EQ(view().screen, Screen::Idle);
    EXPECT_FALSE(view().custodian.has_value());
}

TEST_F(CustodianModeTest, APlainOfficersBadgeDoesNotOpenCustodianMode) {
    term().tap_custodian();
    tap(agency::kZhangBadge);
    EXPECT_EQ(view().screen, Screen::Refused);
    ASSERT_TRUE(view().refusal.has_value());
    EXPECT_EQ(view().refusal->id, MessageId::CustodianRoleRefused);
    EXPECT_FALSE(view().pin.has_value());
    EXPECT_TRUE(ledger_kinds().empty()) << "a custodian tap is never a checkout";
}

TEST_F(CustodianModeTest, ASlotShowsItsDeviceAndTheLedgersHistoryOfIt_R5) {
    zhang_shift_on_cam1();
    log_in_custodian(agency::kZhaoBadge, kKeeperPin);
    ASSERT_EQ(view().screen, Screen::CustodianSlots);
    term().tap_slot(1);
    EXPECT_EQ(view().screen, Screen::DeviceDetail);
    ASSERT_TRUE(view().detail.has_value());
    const auto& d = *view().detail;
    EXPECT_EQ(d.device.serial, kCam1);
    EXPECT_EQ(d.tile.slot, 1);
    ASSERT_EQ(d.history.size(), 2u);
    // Newest first: the return, then the checkout with its partner (R10).
    EXPECT_EQ(d.history[0].what, "return");
    EXPECT_EQ(d.history[1].what, "checkout");
    EXPECT_NE(d.history[1].who.find(agency::kZhang), std::string::npos) << d.history[1].who;
    EXPECT_NE(d.history[1].detail.find(agency::kLi), std::string::npos) << d.history[1].detail;
    EXPECT_LT(d.history[1].at, d.history[0].at);

    term().tap_slot(2);  // another device: its own history, none yet
    ASSERT_TRUE(view().detail.has_value());
    EXPECT_EQ(view().detail->device.serial, kCam2);
    EXPECT_TRUE(view().detail->history.empty());

    term().tap_back();
    EXPECT_EQ(view().screen, Screen::CustodianSlots);
    EXPECT_FALSE(view().detail.has_value());
}

TEST_F(CustodianModeTest, QuarantineAndReleaseChangeTheDevicesStatus_R9) {
    log_in_custodian(agency::kZhaoBadge, kKeeperPin);
    term().tap_slot(2);
    ASSERT_EQ(view().screen, Screen::DeviceDetail);
    term().tap_quarantine();
    EXPECT_EQ(store_.device(kCam2).status, DeviceStatus::Quarantined);
    ASSERT_TRUE(view().notice.has_value());
    EXPECT_EQ(view().notice->id, MessageId::KioskDeviceQuarantined);
    ASSERT_TRUE(view().detail.has_value());
    EXPECT_EQ(view().detail->device.status, DeviceStatus::Quarantined);
    EXPECT_EQ(view().detail->tile.state, terminal::SlotState::Faulty);

    term().tap_quarantine();  // once is enough: refused, the status stays
    ASSERT_TRUE(view().notice.has_value());
    EXPECT_EQ(view().notice->id, MessageId::DeviceAlreadyQuarantined);

    term().tap_release();
    EXPECT_EQ(store_.device(kCam2).status, DeviceStatus::InService);
    ASSERT_TRUE(view().notice.has_value());
    EXPECT_EQ(view().notice->id, MessageId::KioskDeviceReleased);
    EXPECT_EQ(view().detail->device.status, DeviceStatus::InService);
    EXPECT_NE(view().detail->tile.state, terminal::SlotState::Faulty);
}

TEST_F(CustodianModeTest, AnEmptySlotHasNoDetail) {
    Device d = store_.device(kCam3);
    d.status = DeviceStatus::Lost;
    d.slot.reset();
    store_.put_device(d);
    sim("remove 3");
    wait_present(3, false);
    log_in_custodian(agency::kZhaoBadge, kKeeperPin);
    term().tap_slot(3);
    EXPECT_EQ(view().screen, Screen::CustodianSlots);
    EXPECT_FALSE(view().detail.has_value());
    ASSERT_TRUE(view().notice.has_value());
    EXPECT_EQ(view().notice->id, MessageId::KioskSlotHasNoDevice);
}

TEST_F(CustodianModeTest, TheReconciliationShowsDiscrepanciesFirstAndIsSavedAsARecord_R3) {
    sim("remove 3");  // DSJ0003 is missing from its slot, the ledger says it is there
    wait_present(3, false);
    log_in_custodian(agency::kZhaoBadge, kKeeperPin);
    term().tap_reconcile();
    EXPECT_EQ(view().screen, Screen::Reconciliation);
    ASSERT_TRUE(view().reconciliation.has_value());
    const auto& r = *view().reconciliation;
    EXPECT_EQ(r.expected, 3);
    EXPECT_EQ(r.in_slot, 3) << "as the ledger has them; the cabinet's reading makes the discrepancy";
    EXPECT_EQ(r.discrepancies, 1);
    ASSERT_EQ(r.lines.size(), 3u);
    EXPECT_EQ(r.lines[0].device_serial, kCam3);
    EXPECT_FALSE(r.lines[0].discrepancy.empty());
    EXPECT_TRUE(r.lines[1].discrepancy.empty());
    EXPECT_FALSE(r.saved_id.has_value());
    EXPECT_EQ(store_.count("reconciliations"), 0) << "a preview saves nothing";

    term().tap_save_reconciliation();
    ASSERT_TRUE(view().reconciliation.has_value());
    ASSERT_TRUE(view().reconciliation->saved_id.has_value());
    ASSERT_TRUE(view().notice.has_value());
    EXPECT_EQ(view().notice->id, MessageId::KioskReconciliationSaved);
    EXPECT_EQ(store_.count("reconciliations"), 1);
    EXPECT_EQ(store_.scalar("SELECT max(id) FROM reconciliations"), *view().reconciliation->saved_id);
    EXPECT_EQ(store_.scalar("SELECT count(*) FROM reconciliation_lines WHERE reconciliation_id = " +
                            std::to_string(*view().reconciliation->saved_id)),
              3);
    EXPECT_EQ(view().reconciliation->discrepancies, 1);
}

TEST_F(CustodianModeTest, TheUnitHeadApprovesAnInterruptionRecordTheKeeperMayNot_R13) {
    // 张伟's shift, offloaded, with an interruption record waiting for review.
    write_noise(camera(1).volume() / "DCIM/100MEDIA/VID0001.MP4", 1024 * 1024, 5);
    const Id ret = shift_on_slot_1(store_.clock().now(), Timestamp{store_.clock().now().ms + 8 * kMsPerHour});
    auto job = offload(1, request(1, ret));
    ASSERT_TRUE(job.ok()) << log_line(job.error());
    auto rec = InterruptionLog(store_.store(), store_.clock())
                   .add({job->job.id, agency::kZhang, InterruptionReason::Weather, "暴雨，设备进水风险", "test"});
    ASSERT_TRUE(rec.ok()) << log_line(rec.error());

    log_in_custodian(agency::kZhaoBadge, kKeeperPin);
    term().tap_interruptions();
    EXPECT_EQ(view().screen, Screen::Interruptions);
    ASSERT_EQ(view().pending_interruptions.size(), 1u);
    EXPECT_EQ(view().pending_interruptions[0].record.id, rec->id);
    EXPECT_NE(view().pending_interruptions[0].officer_name.find("张伟"), std::string::npos);
    term().tap_approve(rec->id);
    ASSERT_TRUE(view().notice.has_value());
    EXPECT_EQ(view().notice->id, MessageId::InterruptionReviewerRefused) << "a keeper is not the unit head";
    EXPECT_EQ(view().pending_interruptions.size(), 1u);
    EXPECT_EQ(store_.count("interruption_approvals"), 0);

    term().tap_home();
    log_in_custodian(kHeadBadge, kHeadPin);
    ASSERT_EQ(view().screen, Screen::CustodianSlots);
    term().tap_interruptions();
    ASSERT_EQ(view().pending_interruptions.size(), 1u);
    term().tap_approve(rec->id);
    ASSERT_TRUE(view().notice.has_value());
    EXPECT_EQ(view().notice->id, MessageId::KioskInterruptionApproved) << log_line(*view().notice);
    EXPECT_TRUE(view().pending_interruptions.empty());
    EXPECT_EQ(store_.count("interruption_approvals"), 1);
    EXPECT_EQ(store_.scalar("SELECT reviewer_id FROM interruption_approvals"), officer_id(kHead));
}

TEST_F(CustodianModeTest, CustodianTapsDoNothingWithoutALogin) {
    term().tap_slot(1);
    term().tap_quarantine();
    term().tap_reconcile();
    term().tap_interruptions();
    EXPECT_EQ(view().screen, Screen::Idle);
    EXPECT_FALSE(view().detail.has_value());
    EXPECT_FALSE(view().reconciliation.has_value());
    EXPECT_EQ(store_.device(kCam1).status, DeviceStatus::InService);
    EXPECT_EQ(store_.count("reconciliations"), 0);
}

}  // namespace
}  // namespace custody::test
