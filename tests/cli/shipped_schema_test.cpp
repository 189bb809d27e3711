// Upgrades from every schema version the project has shipped (R5, R12): a database made
// by that release's own custodyctl (tests/db/fixtures) is opened by today's, migrated to
// the latest schema, and still verifies: every ledger row, every audit entry and the
// signed head anchor intact, and the upgraded database takes new entries.
#include <gtest/gtest.h>

#include <filesystem>

#include "db/migrations.h"
#include "tests/cli/cli_helpers.h"

namespace custody::test {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

class ShippedSchema : public ::testing::TestWithParam<int> {
protected:
    void SetUp() override {
        const fs::path fixture = fs::path(CUSTODY_SOURCE_DIR) / "tests/db/fixtures" / ("schema-" + std::to_string(GetParam()));
        auto unpacked = run_command({"/bin/sh", "-c", "xz -dc \"$0\" > \"$1\"", (fixture / "custody.db.xz").string(), db_});
        ASSERT_EQ(unpacked.exit_code, 0) << unpacked.err;
        fs::copy_file(fixture / "custody.db.key", db_ + ".key");
        fs::copy_file(fixture / "custody.db.head", db_ + ".head");
        fs::permissions(db_ + ".key", fs::perms::owner_read | fs::perms::owner_write);
    }
    TempDir dir_;
    std::string db_ = dir_.file("custody.db");
};

TEST_P(ShippedSchema, UpgradesAndStillVerifies) {
    ASSERT_EQ(sql_int(db_, "SELECT max(version) FROM schema_version"), GetParam()) << "the fixture is what it says";
    const auto entries = row_count(db_, "custody_entries");
    const auto audit = row_count(db_, "audit_log");
    const auto officers = row_count(db_, "officers");
    const std::string last_hash = sql_text(db_, "SELECT hex(hash) FROM audit_log ORDER BY seq DESC LIMIT 1");
    ASSERT_GT(entries, 0);

    auto verify = ctl(db_, {"verify"});
    ASSERT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    EXPECT_EQ(sql_int(db_, "SELECT max(version) FROM schema_version"), db::latest_schema_version());
    EXPECT_EQ(row_count(db_, "custody_entries"), entries) << "no ledger row lost or added by the upgrade";
    EXPECT_EQ(row_count(db_, "officers"), officers);
    EXPECT_GE(row_count(db_, "audit_log"), audit);
    EXPECT_EQ(sql_text(db_, "SELECT hex(hash) FROM audit_log WHERE seq = " + std::to_string(audit)), last_hash)
        << "the old chain is unchanged; the upgrade only appends";

    auto ledger = parse_csv_output(ctl(db_, {"ledger", "--format", "csv"}).out);
    EXPECT_GE(static_cast<std::int64_t>(ledger.size()), 2) << "the ledger reads after the upgrade";

    // The upgraded database takes new writes, and they join the same chain.
    const std::string number = sql_text(db_, "SELECT number FROM officers WHERE active = 1 ORDER BY id LIMIT 1");
    auto off = ctl(db_, {"officer", "deactivate", number});
    ASSERT_EQ(off.exit_code, 0) << off.err;
    EXPECT_GT(row_count(db_, "audit_log"), audit);
    auto again = ctl(db_, {"verify"});
    EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
    EXPECT_TRUE(contains(again.out, "Audit chain intact")) << again.out;
}

INSTANTIATE_TEST_SUITE_P(EveryShippedVersion, ShippedSchema, ::testing::Values(1, 2, 3, 4),
                         [](const auto& info) { return "schema_" + std::to_string(info.param); });

}  // namespace
}  // namespace custody::test
