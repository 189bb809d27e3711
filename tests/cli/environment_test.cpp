// Exit codes for a wrong command line (2) and for a missing or damaged database or key
// (4), with a message that says what to do.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "tests/cli/cli_helpers.h"

namespace custody::test {
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

class CliUsage : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        db_ = dir_->file("custody.db");
        ASSERT_TRUE(make_small_agency(*dir_, db_));
    }
    static void TearDownTestSuite() { dir_.reset(); }
    static std::unique_ptr<TempDir> dir_;
    static std::string db_;
};
std::unique_ptr<TempDir> CliUsage::dir_;
std::string CliUsage::db_;

TEST_F(CliUsage, WrongCommandLinesExit2AndChangeNothing) {
    const std::int64_t audit = row_count(db_, "audit_log");
    const std::vector<std::vector<std::string>> cases = {
        {"checkout"},
        {"checkout", "--bdge", "04A23B11"},
        {"checkout", "--badge"},
        {"return", "--device", "CAM-001"},
        {"return", "--device", "CAM-001", "--slot", "一"},
        {"health", "--device", "CAM-001", "--battery", "101", "--free-mb", "1"},
        {"health", "--device", "CAM-001", "--battery", "90", "--free-mb", "1", "--clock-offset", "3.5"},
        {"import", "officers"},
        {"import", "cameras", "x.csv"},
        {"ledger", "--format", "xml"},
        {"ledger", "--from", "2026-13-45"},
        {"ledger", "--to", "yesterday"},
        {"overdue", "--format", "pdf"},
        {"badge", "cancel", "04A23B11"},
        {"officer", "retire", "010001"},
        {"profile", "set", "offload_deadline_hours"},
        {"demo", "--days", "3"},
        {"init", "--slots", "0"},
        {"verify", "--deep"},
        {"frobnicate"},
    };
    for (const auto& args : cases) {
        std::string shown;
        for (const auto& a : args) shown += a + " ";
        auto en = ctl(db_, args);
        EXPECT_EQ(en.exit_code, 2) << shown << "\n" << en.out << en.err;
        EXPECT_TRUE(contains(en.err, "Usage error")) << shown << en.err;
        auto zh = ctl(db_, args, "zh");
        EXPECT_EQ(zh.exit_code, 2) << shown;
        EXPECT_TRUE(contains(zh.err, "用法错误")) << shown << zh.err;
    }
    EXPECT_EQ(row_count(db_, "audit_log"), audit) << "usage errors happen before anything is written";
}

TEST_F(CliUsage, UnknownPolicySettingIsAUsageErrorAndTheAttemptIsAudited) {
    const std::int64_t refused = sql_int(db_, "SELECT count(*) FROM audit_log WHERE action='profile_change_refused';");
    auto r = ctl(db_, {"profile", "set", "no_such_key", "1"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_TRUE(contains(r.err, "There is no policy setting named no_such_key")) << r.err;
    EXPECT_EQ(sql_int(db_, "SELECT count(*) FROM audit_log WHERE action='profile_change_refused';"), refused + 1);
    auto bad_value = ctl(db_, {"profile", "set", "offload_deadline_hours", "0"});
    EXPECT_EQ(bad_value.exit_code, 1) << "a value out of range is refused by a rule, not a usage error";
    EXPECT_EQ(sql_text(db_, "SELECT value FROM agency_profile WHERE key='offload_deadline_hours';"), "24");
}

TEST_F(CliUsage, GlobalOptionsNeedValuesAndACommand) {
    EXPECT_EQ(run_command({CUSTODYCTL_PATH, "--db"}).exit_code, 2);
    EXPECT_EQ(run_command({CUSTODYCTL_PATH, "--db", db_, "--lang", "fr", "verify"}).exit_code, 2);
    auto bare = run_command({CUSTODYCTL_PATH, "--db", db_});
    EXPECT_EQ(bare.exit_code, 2);
    EXPECT_TRUE(contains(bare.err, "custodyctl")) << "no command prints the help to stderr";
}

TEST(CliEnvironment, MissingDatabaseSaysRunInit) {
    TempDir dir;
    const std::string db = dir.file("nowhere.db");
    for (const char* cmd : {"verify", "ledger", "checkout", "overdue", "devices"}) {
        std::vector<std::string> args = {cmd};
        if (std::string(cmd) == "checkout") args = {"checkout", "--badge", "04A23B11"};
        auto zh = ctl(db, args, "zh");
        EXPECT_EQ(zh.exit_code, 4) << cmd << zh.err;
        EXPECT_TRUE(contains(zh.err, "数据库 " + db + " 不存在：请先运行 custodyctl init")) << zh.err;
        auto en = ctl(db, args);
        EXPECT_EQ(en.exit_code, 4) << cmd;
        EXPECT_TRUE(contains(en.err, "run custodyctl init first")) << en.err;
    }
    EXPECT_FALSE(std::filesystem::exists(db)) << "reading commands must not create the database";
}

TEST(CliEnvironment, MissingOrDamagedKeyIsExit4AndNeverRegenerated) {
    TempDir dir;
    const std::string db = dir.file("custody.db");
    ASSERT_EQ(ctl(db, {"init"}).exit_code, 0);
    std::filesystem::rename(db + ".key", dir.file("key.backup"));

    auto verify = ctl(db, {"verify"});
    EXPECT_EQ(verify.exit_code, 4);
    EXPECT_TRUE(contains(verify.err, "Signing key " + db + ".key is missing")) << verify.err;
    auto zh = ctl(db, {"checkout", "--badge", "04A23B11"}, "zh");
    EXPECT_EQ(zh.exit_code, 4);
    EXPECT_TRUE(contains(zh.err, "签名密钥 " + db + ".key 不存在或不可读：请从备份恢复")) << zh.err;
    EXPECT_EQ(ctl(db, {"init"}).exit_code, 0) << "init on an initialised database is a no-op";
    EXPECT_FALSE(std::filesystem::exists(db + ".key")) << "nothing may quietly create a new key";

    write_file(db + ".key", "short");
    auto damaged = ctl(db, {"verify"});
    EXPECT_EQ(damaged.exit_code, 4);
    EXPECT_TRUE(contains(damaged.err, "is damaged (it must be 32 bytes)")) << damaged.err;

    std::filesystem::rename(dir.file("key.backup"), db + ".key");
    EXPECT_EQ(ctl(db, {"verify"}).exit_code, 0);

    // --key points elsewhere: a missing file there is the same problem.
    auto other = run_command({CUSTODYCTL_PATH, "--db", db, "--key", dir.file("other.key"), "--lang", "en", "verify"});
    EXPECT_EQ(other.exit_code, 4);
    EXPECT_TRUE(contains(other.err, dir.file("other.key"))) << other.err;
}

TEST(CliEnvironment, NotACustodyDatabase) {
    TempDir dir;
    const std::string db = dir.file("other.db");
    ASSERT_EQ(sqlite_shell(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);").exit_code, 0);
    auto r = ctl(db, {"verify"});
    EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
    EXPECT_TRUE(contains(r.err, "is not a custody database")) << r.err;
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM t;"), 1);
}

}  // namespace
}  // namespace custody::test
