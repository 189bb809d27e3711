// A badge tap at the idle screen issues a camera from the cabinet: the refusal of an
// unknown badge, the working and issued screens, the unlock the cabinet saw, the camera
// taken, and the ledger's entry (R5, R6, R7, R10).
#include <gtest/gtest.h>

#include "tests/terminal/terminal_fixture.h"

namespace custody::test {
namespace {

using terminal::Screen;

class CheckoutScreensTest : public TerminalFixture {
protected:
    void SetUp() override {
        TerminalFixture::SetUp();
        store_.make_all_ready();
        start_cabinet_with_three_cameras();
        start_terminal();
    }
};

TEST_F(CheckoutScreensTest, AnUnknownBadgeIsRefusedWithTheReasonAndAudited_R5) {
    const auto seq = store_.last_audit_seq();
    tap("DEADBEEF");
    EXPECT_EQ(view().screen, Screen::Refused);
    ASSERT_TRUE(view().refusal.has_value());
    EXPECT_EQ(view().refusal->id, MessageId::BadgeUnknown);
    EXPECT_FALSE(view().checkout.has_value());
    auto audit = store_.audit_after(seq);
    ASSERT_FALSE(audit.empty());
    EXPECT_EQ(audit.back().action, "checkout_refused");
    EXPECT_EQ(audit.back().subject, "DEADBEEF");
    EXPECT_TRUE(ledger_kinds().empty());
    for (int slot : {1, 2, 3}) EXPECT_NE(sim_slot(slot).find("pulses=0"), std::string::npos) << slot;
}

TEST_F(CheckoutScreensTest, AnOfficersTapUnlocksASlotShowsTheCameraAndItsCheckThenTheTake_R5_R7) {
    tap(agency::kZhangBadge);
    // Who is asking is known at once; the cabinet work runs in the background.
    EXPECT_EQ(view().screen, Screen::CheckoutWorking);
    ASSERT_TRUE(view().first_officer.has_value());
    EXPECT_EQ(view().first_officer->number, agency::kZhang);

    ASSERT_TRUE(reaches(Screen::CheckoutIssued)) << terminal::screen_code(view().screen);
    ASSERT_TRUE(view().checkout.has_value());
    const auto& c = *view().checkout;
    EXPECT_EQ(c.officer.number, agency::kZhang);
    EXPECT_FALSE(c.partner.has_value());
    ASSERT_TRUE(c.slot == 1 || c.slot == 2) << "a ZD01 camera (R6), got slot " << c.slot;
    const std::string serial = c.slot == 1 ? kCam1 : kCam2;
    EXPECT_EQ(c.device_serial, serial);
    EXPECT_EQ(c.device_model, "海康威视 DSJ-K1");
    EXPECT_EQ(c.inspection.device.serial, serial);
    EXPECT_TRUE(c.inspection.problems.empty()) << "issued only after passing the live check (R7)";
    EXPECT_EQ(c.seconds_left, 30);
    const int slot = c.slot;

    const std::string opened = sim_slot(slot);
    EXPECT_NE(opened.find("pulses=1"), std::string::npos) << opened;
    EXPECT_NE(opened.find("door=open"), std::string::npos) << opened;
    for (int other : {1, 2, 3}) {
        if (other == slot) continue;
        EXPECT_NE(sim_slot(other).find("pulses=0"), std::string::npos) << other;
    }
    EXPECT_EQ(camera(slot).get("user_no"), agency::kZhang);

    sim("remove " + std::to_string(slot));
    ASSERT_TRUE(reaches(Screen::CheckoutTaken)) << terminal::screen_code(view().screen);

    EXPECT_EQ(ledger_kinds(), std::vector<std::string>{"checkout"});
    const Device d = store_.device(serial);
    EXPECT_EQ(d.status, DeviceStatus::Out);
    ASSERT_TRUE(d.open_checkout_id.has_value());
    const CustodyEntry e = store_.entry(*d.open_checkout_id);
    EXPECT_EQ(e.kind, CustodyKind::Checkout);
    EXPECT_EQ(e.officer_id, officer_id(agency::kZhang));
    EXPECT_FALSE(e.partner_id.has_value());
    EXPECT_EQ(e.slot, slot);
}

// The countdown is short here: the officer walks off without the camera.
class ShortCountdownTest : public CheckoutScreensTest {
protected:
    void SetUp() override {
        checkout_timings_.camera_taken = std::chrono::milliseconds(300);
        CheckoutScreensTest::SetUp();
    }
};

TEST_F(ShortCountdownTest, ACameraLeftInItsSlotIsRefusedAndTheCheckoutVoided_R5) {
    sim("fault 1 not-removed");
    sim("fault 2 not-removed");
    const int slot = issued_by_tap(agency::kZhangBadge);
    ASSERT_NE(slot, 0);
    ASSERT_TRUE(reaches(Screen::Refused)) << terminal::screen_code(view().screen);
    ASSERT_TRUE(view().refusal.has_value());
    EXPECT_EQ(view().refusal->id, MessageId::CameraNotRemoved);
    EXPECT_EQ(ledger_kinds(), (std::vector<std::string>{"checkout", "voided"}));
    EXPECT_EQ(store_.device(slot == 1 ? kCam1 : kCam2).status, DeviceStatus::InService);
}

TEST_F(CheckoutScreensTest, TwoPersonCarryNamesThePartnerOnTheScreenAndInTheLedger_R10) {
    term().tap_with_partner();
    EXPECT_EQ(view().screen, Screen::PartnerFirstBadge);
    tap(agency::kZhangBadge);
    EXPECT_EQ(view().screen, Screen::PartnerSecondBadge);
    ASSERT_TRUE(view().first_officer.has_value());
    EXPECT_EQ(view().first_officer->number, agency::kZhang);
    EXPECT_TRUE(ledger_kinds().empty()) << "nothing is issued on the first badge";

    tap(agency::kLiBadge);
    EXPECT_EQ(view().screen, Screen::CheckoutWorking);
    ASSERT_TRUE(reaches(Screen::CheckoutIssued)) << terminal::screen_code(view().screen);
    ASSERT_TRUE(view().checkout.has_value());
    EXPECT_EQ(view().checkout->officer.number, agency::kZhang);
    ASSERT_TRUE(view().checkout->partner.has_value());
    EXPECT_EQ(view().checkout->partner->number, agency::kLi);
    const int slot = view().checkout->slot;

    sim("remove " + std::to_string(slot));
    ASSERT_TRUE(reaches(Screen::CheckoutTaken));
    const Device d = store_.device(slot == 1 ? kCam1 : kCam2);
    ASSERT_TRUE(d.open_checkout_id.has_value());
    const CustodyEntry e = store_.entry(*d.open_checkout_id);
    EXPECT_EQ(e.officer_id, officer_id(agency::kZhang));
    EXPECT_EQ(e.partner_id, officer_id(agency::kLi));
}

TEST_F(CheckoutScreensTest, TheSameBadgeTwiceIsNoPartner_R10) {
    term().tap_with_partner();
    tap(agency::kZhangBadge);
    tap(agency::kZhangBadge);
    EXPECT_EQ(view().screen, Screen::Refused);
    ASSERT_TRUE(view().refusal.has_value());
    EXPECT_EQ(view().refusal->id, MessageId::PartnerIsSelf);
    EXPECT_TRUE(ledger_kinds().empty());
}

TEST_F(CheckoutScreensTest, AnOfficerOfAUnitWithoutCamerasIsRefusedBeforeAnySlotOpens_R6) {
    tap(agency::kChenBadge);  // JT03 has no devices
    EXPECT_EQ(view().screen, Screen::Refused);
    EXPECT_TRUE(view().refusal.has_value());
    EXPECT_TRUE(ledger_kinds().empty());
    for (int slot : {1, 2, 3}) EXPECT_NE(sim_slot(slot).find("pulses=0"), std::string::npos) << slot;
}

TEST_F(CheckoutScreensTest, ABadgeTappedMidCheckoutIsIgnored) {
    const int slot = issued_by_tap(agency::kZhangBadge);
    ASSERT_NE(slot, 0);
    tap(agency::kLiBadge);
    EXPECT_EQ(view().screen, Screen::CheckoutIssued);
    EXPECT_EQ(view().checkout->officer.number, agency::kZhang);
    sim("remove " + std::to_string(slot));
    ASSERT_TRUE(reaches(Screen::CheckoutTaken));
    EXPECT_EQ(ledger_kinds(), std::vector<std::string>{"checkout"});
}

}  // namespace
}  // namespace custody::test
