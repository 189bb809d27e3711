// Checkouts a rule refuses (R6, R7): exit 1, the reason in the reader's language, no
// ledger row, and the refusal in the audit log.
#include <gtest/gtest.h>

#include <memory>

#include "tests/cli/cli_helpers.h"

namespace custody::test {
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

class CliCheckoutRefused : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        base_dir_ = std::make_unique<TempDir>();
        base_ = base_dir_->file("base.db");
        ASSERT_TRUE(make_small_agency(*base_dir_, base_));
    }
    static void TearDownTestSuite() { base_dir_.reset(); }
    void SetUp() override {
        db_ = dir_.file("custody.db");
        copy_store(base_, db_);  // each test starts from the same fresh agency
    }
    std::int64_t refusals() const {
        return sql_int(db_, "SELECT count(*) FROM audit_log WHERE action='checkout_refused';");
    }
    // Runs a checkout that must be refused; returns the zh and en stderr.
    std::pair<std::string, std::string> refused(const std::string& badge) {
        const std::int64_t before = refusals();
        auto zh = ctl(db_, {"checkout", "--badge", badge}, "zh");
        auto en = ctl(db_, {"checkout", "--badge", badge});
        EXPECT_EQ(zh.exit_code, 1) << zh.out << zh.err;
        EXPECT_EQ(en.exit_code, 1) << en.out << en.err;
        EXPECT_EQ(row_count(db_, "custody_entries"), 0) << "a refused checkout writes no ledger row";
        EXPECT_EQ(refusals(), before + 2) << "each refusal is audited";
        EXPECT_EQ(sql_int(db_, "SELECT count(*) FROM devices WHERE status='out';"), 0);
        return {zh.err, en.err};
    }

    static std::unique_ptr<TempDir> base_dir_;
    static std::string base_;
    TempDir dir_;
    std::string db_;
};
std::unique_ptr<TempDir> CliCheckoutRefused::base_dir_;
std::string CliCheckoutRefused::base_;

TEST_F(CliCheckoutRefused, UnknownBadge) {
    auto [zh, en] = refused("DEADBEEF");
    EXPECT_TRUE(contains(zh, "卡号 DEADBEEF 未登记")) << zh;
    EXPECT_TRUE(contains(en, "Badge DEADBEEF is not registered")) << en;
    EXPECT_EQ(sql_text(db_, "SELECT subject FROM audit_log WHERE action='checkout_refused' ORDER BY seq DESC LIMIT 1;"),
              "DEADBEEF");
}

TEST_F(CliCheckoutRefused, NotAUidAtAllIsRefusedAsUnknown) {
    auto [zh, en] = refused("张伟的卡");
    EXPECT_TRUE(contains(en, "Badge 张伟的卡 is not registered")) << en;
}

TEST_F(CliCheckoutRefused, RevokedBadge) {
    auto revoke = ctl(db_, {"badge", "revoke", "04:a2:3b:11", "--reason", "遗失"});
    ASSERT_EQ(revoke.exit_code, 0) << revoke.err;
    EXPECT_TRUE(contains(revoke.out, "Revoked badge 04A23B11")) << revoke.out;
    EXPECT_EQ(sql_text(db_, "SELECT revoke_reason FROM badges WHERE uid='04A23B11';"), "遗失");

    auto [zh, en] = refused("04A23B11");
    EXPECT_TRUE(contains(zh, "卡号 04A23B11 已于")) << zh;
    EXPECT_TRUE(contains(zh, "注销")) << zh;
    EXPECT_TRUE(contains(en, "Badge 04A23B11 was revoked on")) << en;

    auto again = ctl(db_, {"badge", "revoke", "04A23B11"});
    EXPECT_EQ(again.exit_code, 1) << "revoking twice is refused";
    EXPECT_TRUE(contains(again.err, "was revoked")) << again.err;
    EXPECT_EQ(ctl(db_, {"badge", "revoke", "0BADCAFE"}).exit_code, 1);
}

TEST_F(CliCheckoutRefused, DeactivatedOfficerThenReactivated) {
    auto off = ctl(db_, {"officer", "deactivate", "020001"});
    ASSERT_EQ(off.exit_code, 0) << off.err;
    EXPECT_EQ(sql_int(db_, "SELECT active FROM officers WHERE number='020001';"), 0);

    auto [zh, en] = refused("04A23B21");
    EXPECT_TRUE(contains(zh, "王芳（020001）已停用，不能领用设备")) << zh;
    EXPECT_TRUE(contains(en, "王芳 (020001) is inactive and cannot take a device")) << en;

    ASSERT_EQ(ctl(db_, {"officer", "activate", "020001"}).exit_code, 0);
    auto ok = ctl(db_, {"checkout", "--badge", "04A23B21"});
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_EQ(row_count(db_, "custody_entries"), 1);
}

TEST_F(CliCheckoutRefused, UnknownOfficerNumberForDeactivate) {
    auto r = ctl(db_, {"officer", "deactivate", "999999"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "Officer number 999999 does not exist")) << r.err;
}

TEST_F(CliCheckoutRefused, R7_FaultyCameraIsQuarantinedAndNeverIssued) {
    // Both XJ02 cameras report a fault: 王芳 has no ready device of her unit (R6, R7, R9).
    for (const char* serial : {"CAM-003", "CAM-004"}) {
        auto h =
            ctl(db_, {"health", "--device", serial, "--battery", "90", "--free-mb", "30000", "--fault", "镜头破裂"});
        ASSERT_EQ(h.exit_code, 0) << h.err;
        EXPECT_EQ(sql_text(db_, std::string("SELECT status FROM devices WHERE serial='") + serial + "';"),
                  "quarantined");
    }
    auto [zh, en] = refused("04A23B21");
    EXPECT_TRUE(contains(en, "No device of your unit is ready")) << en;
    EXPECT_TRUE(contains(en, "2 quarantined")) << en;
}

TEST_F(CliCheckoutRefused, R7_LowBatteryFailsThePreUseCheck) {
    for (const char* serial : {"CAM-003", "CAM-004"})
        ASSERT_EQ(ctl(db_, {"health", "--device", serial, "--battery", "20", "--free-mb", "30000"}).exit_code, 0);
    auto [zh, en] = refused("04A23B21");
    EXPECT_TRUE(contains(en, "2 failing the pre-use check")) << en;
    auto devices = ctl(db_, {"devices"});
    EXPECT_TRUE(contains(devices.out, "battery 20% below 80%")) << devices.out;
}

}  // namespace
}  // namespace custody::test
