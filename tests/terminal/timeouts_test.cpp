// The kiosk goes back by itself: any screen to Idle after 30 s without a tap, custodian
// mode logs out after 60 s (a found badge must not leave the inventory open, R16); a tap
// starts the wait again. And the language switch. Time here is the test's ManualClock.
#include <gtest/gtest.h>

#include "kiosk/core/custodian_login.h"
#include "tests/terminal/terminal_fixture.h"

namespace custody::test {
namespace {

using terminal::Screen;

class TimeoutsTest : public TerminalFixture {
protected:
    void SetUp() override {
        TerminalFixture::SetUp();
        set_pin("100004", "2468");
        store_.make_all_ready();
        start_cabinet_with_three_cameras();
        start_terminal();
    }
};

TEST_F(TimeoutsTest, ARefusalGoesBackToIdleAfterThirtySecondsWithoutATap) {
    tap("DEADBEEF");
    ASSERT_EQ(view().screen, Screen::Refused);
    after_seconds(29);
    EXPECT_EQ(view().screen, Screen::Refused);
    EXPECT_EQ(view().seconds_to_idle, 1);
    after_seconds(1);
    EXPECT_EQ(view().screen, Screen::Idle);
    EXPECT_FALSE(view().refusal.has_value());
    EXPECT_EQ(view().seconds_to_idle, 0);
}

TEST_F(TimeoutsTest, ATapStartsTheThirtySecondsAgain) {
    term().tap_with_partner();
    ASSERT_EQ(view().screen, Screen::PartnerFirstBadge);
    after_seconds(20);
    term().tap_language();
    after_seconds(20);  // 40 s on this screen, 20 s since the tap
    EXPECT_EQ(view().screen, Screen::PartnerFirstBadge);
    EXPECT_EQ(view().seconds_to_idle, 10);
    after_seconds(10);
    EXPECT_EQ(view().screen, Screen::Idle);
}

TEST_F(TimeoutsTest, AnUnansweredReturnScreenGoesBackToo) {
    const auto report = zhang_docks_cam1();
    term().docked(report);
    ASSERT_EQ(view().screen, Screen::Return);
    pool_->wait_idle();  // nothing else reads the clock while it moves
    after_seconds(15);
    term().tap_fault(std::nullopt);
    after_seconds(29);
    EXPECT_EQ(view().screen, Screen::Return);
    after_seconds(1);
    EXPECT_EQ(view().screen, Screen::Idle);
}

TEST_F(TimeoutsTest, CustodianModeLogsOutAfterSixtySecondsWithoutATap_R16) {
    log_in_custodian(agency::kZhaoBadge, "2468");
    ASSERT_EQ(view().screen, Screen::CustodianSlots);
    after_seconds(30);
    EXPECT_EQ(view().screen, Screen::CustodianSlots) << "custodian screens wait 60 s, not 30";
    after_seconds(29);
    EXPECT_EQ(view().screen, Screen::CustodianSlots);
    EXPECT_EQ(view().seconds_to_idle, 1);
    after_seconds(1);
    EXPECT_EQ(view().screen, Screen::Idle);
    EXPECT_FALSE(view().custodian.has_value());
    term().tap_slot(1);
    EXPECT_EQ(view().screen, Screen::Idle) << "logged out: a slot tap opens nothing";
}

TEST_F(TimeoutsTest, ACustodianTapStartsTheSixtySecondsAgain_R16) {
    log_in_custodian(agency::kZhaoBadge, "2468");
    after_seconds(40);
    term().tap_slot(1);
    ASSERT_EQ(view().screen, Screen::DeviceDetail);
    after_seconds(59);  // 99 s since the login, 59 since the tap
    EXPECT_EQ(view().screen, Screen::DeviceDetail);
    ASSERT_TRUE(view().custodian.has_value());
    after_seconds(1);
    EXPECT_EQ(view().screen, Screen::Idle);
    EXPECT_FALSE(view().custodian.has_value());
    EXPECT_FALSE(view().detail.has_value());
}

TEST_F(TimeoutsTest, TheCustodianBadgeAndPinScreensGoBackAfterThirtySeconds) {
    term().tap_custodian();
    after_seconds(30);
    EXPECT_EQ(view().screen, Screen::Idle);
    term().tap_custodian();
    tap(agency::kZhaoBadge);
    ASSERT_EQ(view().screen, Screen::CustodianPin);
    after_seconds(20);
    term().tap_pin_digit('2');
    after_seconds(29);
    EXPECT_EQ(view().screen, Screen::CustodianPin);
    after_seconds(1);
    EXPECT_EQ(view().screen, Screen::Idle);
    EXPECT_FALSE(view().pin.has_value());
    // The PIN typed so far is gone with the screen: a new login starts from nothing.
    term().tap_custodian();
    tap(agency::kZhaoBadge);
    type_pin("468");
    term().tap_pin_enter();
    EXPECT_EQ(view().screen, Screen::CustodianPin);
    EXPECT_TRUE(view().pin->error.has_value());
}

TEST_F(TimeoutsTest, TheIdleScreenStaysAndCountsNothingDown) {
    after_seconds(600);
    EXPECT_EQ(view().screen, Screen::Idle);
    EXPECT_EQ(view().seconds_to_idle, 0);
    EXPECT_EQ(view().now, store_.clock().now()) << "the clock on the screen follows the kiosk's";
}

TEST_F(TimeoutsTest, AnIssuedCameraIsNotCutShortByTheIdleTimeOut) {
    const int slot = issued_by_tap(agency::kZhangBadge);
    ASSERT_NE(slot, 0);
    // The cabinet's own countdown ends the checkout, not the screen's; time moving on
    // the screen's clock alone changes nothing here.
    after_seconds(45);
    EXPECT_EQ(view().screen, Screen::CheckoutIssued);
    sim("remove " + std::to_string(slot));
    ASSERT_TRUE(reaches(Screen::CheckoutTaken));
    after_seconds(30);
    EXPECT_EQ(view().screen, Screen::Idle);
}

TEST_F(TimeoutsTest, TheLanguageTapFlipsTheScreensLanguageAndKeepsTheScreen) {
    tap("DEADBEEF");
    const Lang first = view().lang;
    term().tap_language();
    EXPECT_NE(view().lang, first);
    EXPECT_EQ(view().screen, Screen::Refused);
    term().tap_language();
    EXPECT_EQ(view().lang, first);
}

TEST_F(TimeoutsTest, TheReconciliationIsWrittenInTheScreensLanguage) {
    log_in_custodian(agency::kZhaoBadge, "2468");
    if (view().lang != Lang::En) term().tap_language();
    term().tap_reconcile();
    ASSERT_TRUE(view().reconciliation.has_value());
    ASSERT_FALSE(view().reconciliation->lines.empty());
    const std::string en = view().reconciliation->lines[0].state;
    term().tap_language();
    ASSERT_EQ(view().lang, Lang::Zh);
    term().tap_reconcile();
    const std::string zh = view().reconciliation->lines[0].state;
    EXPECT_NE(en, zh);
    EXPECT_TRUE(std::all_of(en.begin(), en.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) << en;
}

}  // namespace
}  // namespace custody::test
