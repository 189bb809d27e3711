// Custodian mode opens with badge and PIN: only custodian roles, only with a PIN set;
// wrong PINs are counted and lock the officer out for the profile's period, and the
// lockout survives a restart. The PIN itself is never stored (R16: protected by password,
// kept by a named person).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "kiosk/core/custodian_login.h"
#include "tests/support/store_fixture.h"

namespace custody {
namespace {

using namespace test::agency;
using test::StoreFixture;

constexpr const char* kKeeper = "100004";  // 赵强, ZD01 keeper, badge 04A23B14
constexpr const char* kPin = "246810";

class CustodianLoginTest : public ::testing::Test {
protected:
    void SetUp() override {
        f.register_agency();
        ASSERT_TRUE(login().set_pin(kKeeper, kPin, "admin").ok());
    }
    CustodianLogin login() { return CustodianLogin(f.store(), f.clock()); }
    void wrong(int times) {
        for (int i = 0; i < times; ++i) ASSERT_FALSE(login().login(kZhaoBadge, "000000").ok());
    }
    StoreFixture f;
};

TEST_F(CustodianLoginTest, KeeperWithTheRightPinOpensCustodianMode) {
    auto s = login().login(kZhaoBadge, kPin);
    ASSERT_TRUE(s.ok()) << log_line(s.error());
    EXPECT_EQ(s->officer.number, kKeeper);
    EXPECT_EQ(s->since, f.clock().now());
    auto audit = f.audit_after(0);
    EXPECT_EQ(audit.back().action, "custodian_login");
    EXPECT_EQ(audit.back().actor, kKeeper);
}

TEST_F(CustodianLoginTest, WrongPinIsRefusedAuditedAndSaysHowManyTriesAreLeft) {
    const auto seq = f.last_audit_seq();
    auto s = login().login(kZhaoBadge, "135790");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().id, MessageId::CustodianPinWrong);
    EXPECT_EQ(s.error().args, std::vector<std::string>{"4"});
    EXPECT_NE(render(s.error(), Lang::En).find("4 tries left"), std::string::npos);
    auto audit = f.audit_after(seq);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "custodian_login_refused");
    EXPECT_NE(audit[0].detail.find("failed_attempts=1"), std::string::npos);
    EXPECT_EQ(audit[0].detail.find("135790"), std::string::npos) << "the wrong PIN is not logged";
    s = login().login(kZhaoBadge, "135790");
    EXPECT_EQ(s.error().args, std::vector<std::string>{"3"});
}

TEST_F(CustodianLoginTest, FifthWrongPinLocksOutEvenTheRightPinForFifteenMinutes) {
    wrong(4);
    auto fifth = login().login(kZhaoBadge, "000000");
    ASSERT_FALSE(fifth.ok());
    EXPECT_EQ(fifth.error().id, MessageId::CustodianPinWrongLocked);
    EXPECT_EQ(fifth.error().args, (std::vector<std::string>{"5", "15"}));
    auto right = login().login(kZhaoBadge, kPin);
    ASSERT_FALSE(right.ok());
    EXPECT_EQ(right.error().id, MessageId::CustodianLockedOut);
    auto badge = login().check_badge(kZhaoBadge);
    ASSERT_FALSE(badge.ok());
    EXPECT_EQ(badge.error().id, MessageId::CustodianLockedOut);
    f.clock().advance_ms(14 * 60 * kMsPerSecond + 59 * kMsPerSecond);
    EXPECT_EQ(login().login(kZhaoBadge, kPin).error().id, MessageId::CustodianLockedOut);
}

TEST_F(CustodianLoginTest, LockoutSurvivesReopeningTheStore) {
    wrong(5);
    f.reopen();
    auto right = login().login(kZhaoBadge, kPin);
    ASSERT_FALSE(right.ok());
    EXPECT_EQ(right.error().id, MessageId::CustodianLockedOut);
}

TEST_F(CustodianLoginTest, AfterTheLockoutPeriodTheRightPinWorksAndTheCountStartsAgain) {
    wrong(5);
    f.clock().advance_ms(15 * 60 * kMsPerSecond);
    auto again = login().login(kZhaoBadge, "000000");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().id, MessageId::CustodianPinWrong);
    EXPECT_EQ(again.error().args, std::vector<std::string>{"4"}) << "the earlier five no longer count";
    auto s = login().login(kZhaoBadge, kPin);
    EXPECT_TRUE(s.ok()) << log_line(s.error());
}

TEST_F(CustodianLoginTest, RightPinResetsTheCountOfWrongOnes) {
    wrong(4);
    ASSERT_TRUE(login().login(kZhaoBadge, kPin).ok());
    wrong(4);
    auto s = login().login(kZhaoBadge, kPin);
    EXPECT_TRUE(s.ok()) << "eight wrong PINs, never five in a row";
}

TEST_F(CustodianLoginTest, ProfileSetsAttemptsAndLockoutMinutes) {
    f.set_profile("pin_attempts", "2");
    f.set_profile("pin_lockout_minutes", "60");
    wrong(1);
    auto second = login().login(kZhaoBadge, "000000");
    EXPECT_EQ(second.error().id, MessageId::CustodianPinWrongLocked);
    EXPECT_EQ(second.error().args, (std::vector<std::string>{"2", "60"}));
    f.clock().advance_ms(59 * 60 * kMsPerSecond);
    EXPECT_EQ(login().login(kZhaoBadge, kPin).error().id, MessageId::CustodianLockedOut);
    f.clock().advance_ms(60 * kMsPerSecond);
    EXPECT_TRUE(login().login(kZhaoBadge, kPin).ok());
}

TEST_F(CustodianLoginTest, PlainOfficerIsRefusedEvenWithAPinAttempt) {
    auto r = login().check_badge(kZhangBadge);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().id, MessageId::CustodianRoleRefused);
    auto audit = f.audit_after(f.last_audit_seq() - 1);
    EXPECT_EQ(audit.back().action, "custodian_login_refused");
    EXPECT_EQ(login().set_pin(kZhang, kPin, "admin").error().id, MessageId::CustodianRoleRefused);
}

TEST_F(CustodianLoginTest, UnknownRevokedOrInactiveBadgesAreRefused) {
    EXPECT_EQ(login().check_badge("DEADBEEF").error().id, MessageId::CustodianBadgeUnknown);
    f.import(RegistryKind::Officers, "number,name,unit_code,role,active\n100009,孙亮,ZD01,keeper,0\n");
    f.import(RegistryKind::Badges, "uid,officer_number\n04A23B19,100009\n");
    EXPECT_EQ(login().check_badge("04A23B19").error().id, MessageId::CustodianInactive);
    f.revoke_badge(kZhaoBadge);
    EXPECT_EQ(login().login(kZhaoBadge, kPin).error().id, MessageId::CustodianBadgeRevoked);
}

TEST_F(CustodianLoginTest, KeeperWithoutAPinIsToldToHaveOneSet) {
    f.import(RegistryKind::Officers, "number,name,unit_code,role,active\n100010,周敏,ZD01,unit_head,1\n");
    f.import(RegistryKind::Badges, "uid,officer_number\n04A23B20,100010\n");
    auto r = login().check_badge("04A23B20");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().id, MessageId::CustodianPinNotSet);
    ASSERT_TRUE(login().set_pin("100010", "1234", "admin").ok());
    EXPECT_TRUE(login().login("04A23B20", "1234").ok());
}

TEST_F(CustodianLoginTest, PinMustBeFourToEightDigits) {
    for (const char* bad : {"123", "123456789", "12a4", "", "12 34"}) {
        auto s = login().set_pin(kKeeper, bad, "admin");
        ASSERT_FALSE(s.ok()) << bad;
        EXPECT_EQ(s.error().id, MessageId::CustodianPinMalformed) << bad;
    }
    EXPECT_TRUE(login().login(kZhaoBadge, kPin).ok()) << "the old PIN still stands";
    EXPECT_EQ(login().set_pin("999999", "1234", "admin").error().id, MessageId::OfficerUnknown);
}

TEST_F(CustodianLoginTest, ReplacingThePinClearsALockoutAndTheOldPinStopsWorking) {
    wrong(5);
    const auto seq = f.last_audit_seq();
    ASSERT_TRUE(login().set_pin(kKeeper, "13579", "admin").ok());
    auto audit = f.audit_after(seq);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "custodian_pin_set");
    EXPECT_EQ(audit[0].detail.find("13579"), std::string::npos);
    EXPECT_FALSE(login().login(kZhaoBadge, kPin).ok());
    EXPECT_TRUE(login().login(kZhaoBadge, "13579").ok());
}

TEST_F(CustodianLoginTest, PinIsNeverStoredInClear) {
    ASSERT_TRUE(login().set_pin(kKeeper, "97531864", "admin").ok());
    f.close();
    for (const std::string suffix : {"", "-wal", "-shm", ".key"}) {
        std::ifstream in(f.db_path() + suffix, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        EXPECT_EQ(bytes.find("97531864"), std::string::npos) << suffix;
        EXPECT_EQ(bytes.find(kPin), std::string::npos) << suffix;
    }
    f.reopen();
    EXPECT_EQ(f.scalar("SELECT count(*) FROM custodian_pins WHERE length(hash) = 32 AND length(salt) = 16"), 1);
}

TEST_F(CustodianLoginTest, SamePinForTwoOfficersGetsDifferentSaltsAndHashes) {
    f.import(RegistryKind::Officers, "number,name,unit_code,role,active\n100010,周敏,ZD01,unit_head,1\n");
    ASSERT_TRUE(login().set_pin("100010", kPin, "admin").ok());
    EXPECT_EQ(f.scalar("SELECT count(DISTINCT hash) FROM custodian_pins"), 2);
    EXPECT_EQ(f.scalar("SELECT count(DISTINCT salt) FROM custodian_pins"), 2);
}

}  // namespace
}  // namespace custody
