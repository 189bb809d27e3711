// The ledger (R5), the health readings and the audit log are append-only in the schema
// itself: UPDATE and DELETE fail even from a plain sqlite3 session (R12's spirit for the
// records about the recordings).
#include <gtest/gtest.h>

#include "tests/support/history.h"
#include "tests/support/raw_db.h"

namespace custody::db {
namespace {

using test::RawDb;
using test::StoreFixture;

struct Attempt {
    const char* name;
    const char* table;
    const char* sql;
};

const Attempt kAttempts[] = {
    {"UpdateCustodyOfficer", "custody_entries", "UPDATE custody_entries SET officer_id = NULL WHERE id = 1"},
    {"UpdateEveryCustodyTime", "custody_entries", "UPDATE custody_entries SET at_ms = at_ms + 1"},
    {"DeleteCustodyRow", "custody_entries", "DELETE FROM custody_entries WHERE id = 1"},
    {"DeleteWholeLedger", "custody_entries", "DELETE FROM custody_entries"},
    {"UpdateHealthReading", "health_checks", "UPDATE health_checks SET battery_pct = 100 WHERE id = 1"},
    {"DeleteHealthReading", "health_checks", "DELETE FROM health_checks WHERE id = 1"},
    {"UpdateAuditDetail", "audit_log", "UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 2"},
    {"DeleteLastAuditEntry", "audit_log", "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)"},
    {"DeleteWholeAuditLog", "audit_log", "DELETE FROM audit_log"},
};

void PrintTo(const Attempt& a, std::ostream* os) { *os << a.sql; }

class AppendOnly : public ::testing::TestWithParam<Attempt> {};

TEST_P(AppendOnly, RawSqliteCannotChangeOrDeleteRows) {
    StoreFixture f;
    test::make_history(f);
    f.close();
    RawDb raw(f.db_path());
    const std::string table = GetParam().table;
    const auto before = raw.rows("SELECT * FROM " + table + " ORDER BY 1");
    ASSERT_FALSE(before.empty());

    int rc = raw.exec(GetParam().sql);
    EXPECT_EQ(rc & 0xFF, SQLITE_CONSTRAINT) << raw.last_error();
    EXPECT_EQ(raw.last_error(), table + " is append-only");
    EXPECT_EQ(raw.rows("SELECT * FROM " + table + " ORDER BY 1"), before);
}

INSTANTIATE_TEST_SUITE_P(EveryTable, AppendOnly, ::testing::ValuesIn(kAttempts),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(AppendOnlyStore, TheStoresOwnConnectionIsRefusedToo) {
    StoreFixture f;
    test::make_history(f);
    auto s = f.store().connection().exec("UPDATE custody_entries SET slot = 9");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().id, MessageId::StorageFailure);
    EXPECT_NE(s.error().detail.find("append-only"), std::string::npos) << s.error().detail;
}

TEST(AppendOnlyStore, AppendingStillWorks) {
    StoreFixture f;
    test::make_history(f);
    const auto n = f.count("health_checks");
    f.make_ready("ZD-CAM-02");
    EXPECT_EQ(f.count("health_checks"), n + 1);
}

}  // namespace
}  // namespace custody::db
