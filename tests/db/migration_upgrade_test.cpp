// Upgrades from every earlier schema keep the ledger, its ids and the audit chain intact.
// A schema-1 database is made the way an installed kiosk has one: real entries written by
// the services, the custody table as migration 1 defines it, schema_version at 1.
#include <gtest/gtest.h>

#include <algorithm>

#include "db/audit_verifier.h"
#include "db/migrations.h"
#include "tests/support/checkout_helpers.h"
#include "tests/support/raw_db.h"

namespace custody::db {
namespace {

using test::RawDb;
using test::StoreFixture;

std::string unquoted(std::string sql) {
    sql.erase(std::remove(sql.begin(), sql.end(), '"'), sql.end());
    return sql;
}

std::string custody_table_sql(RawDb& raw) {
    auto rows = raw.rows("SELECT sql FROM sqlite_master WHERE type='table' AND name='custody_entries'");
    return rows.empty() ? "" : unquoted(rows[0][0]);
}

// Puts custody_entries back as migration 1 made it and forgets the later migrations.
void rewind_to_schema_1(const std::string& db_path) {
    RawDb raw(db_path);
    raw.must("PRAGMA foreign_keys=OFF");
    raw.must(R"(BEGIN;
CREATE TABLE custody_entries_v1 (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('checkout', 'return', 'unexpected_return')),
    device_id INTEGER NOT NULL REFERENCES devices(id),
    officer_id INTEGER REFERENCES officers(id),
    partner_id INTEGER REFERENCES officers(id),
    slot INTEGER,
    at_ms INTEGER NOT NULL,
    closes_id INTEGER UNIQUE REFERENCES custody_entries_v1(id)
);
INSERT INTO custody_entries_v1 SELECT * FROM custody_entries;
DROP TABLE custody_entries;
ALTER TABLE custody_entries_v1 RENAME TO custody_entries;
CREATE INDEX custody_by_device ON custody_entries(device_id, at_ms);
CREATE INDEX custody_by_officer ON custody_entries(officer_id, at_ms);
CREATE INDEX custody_by_time ON custody_entries(at_ms);
CREATE TRIGGER custody_entries_no_update BEFORE UPDATE ON custody_entries
BEGIN SELECT RAISE(ABORT, 'custody_entries is append-only'); END;
CREATE TRIGGER custody_entries_no_delete BEFORE DELETE ON custody_entries
BEGIN SELECT RAISE(ABORT, 'custody_entries is append-only'); END;
DROP TABLE violations;
DROP TABLE compensation_events;
DROP TABLE compensation_cases;
DROP TABLE repair_orders;
DROP TABLE depreciation_lines;
DROP TABLE month_closes;
DROP TABLE asset_disposals;
DROP TABLE asset_events;
DROP TABLE asset_cards;
DROP TABLE asset_categories;
DROP TABLE interruption_approvals;
DROP TABLE fault_report_closures;
DROP TABLE fault_reports;
DROP TABLE reconciliation_lines;
DROP TABLE reconciliations;
DROP TABLE custodian_pins;
DROP TABLE evidence_copies;
DROP TABLE evidence_exports;
DROP TABLE interruption_records;
DROP TABLE recordings;
DROP TABLE offload_jobs;
DELETE FROM schema_version WHERE version > 1;
COMMIT;)");
}

TEST(MigrationUpgrade, TheRewoundDatabaseIsWhatMigrationOneMakes) {
    test::TempDir dir;
    {
        auto c = Connection::open(dir.file("v1.db"), Connection::Mode::ReadWriteCreate);
        ASSERT_TRUE(c.ok());
        auto v = migrate_to(**c, 1);
        ASSERT_TRUE(v.ok()) << log_line(v.error());
        EXPECT_EQ(*schema_version(**c), 1);
    }
    StoreFixture f;
    f.close();
    rewind_to_schema_1(f.db_path());
    RawDb made(dir.file("v1.db")), rewound(f.db_path());
    EXPECT_EQ(custody_table_sql(rewound), custody_table_sql(made));
    EXPECT_EQ(custody_table_sql(made).find("voided"), std::string::npos);
}

TEST(MigrationUpgrade, SchemaOneLedgerSurvivesWithItsAuditChain_R5) {
    StoreFixture f;
    f.register_agency();
    f.make_all_ready();
    for (int shift = 0; shift < 3; ++shift) {
        auto g = test::checkout(f, test::agency::kZhangBadge);
        ASSERT_TRUE(g.ok()) << log_line(g.error());
        f.clock().advance_ms(8 * kMsPerHour);
        ASSERT_TRUE(test::give_back(f, g->device.serial, g->slot).ok());
        ASSERT_TRUE(test::offloaded(f, g->device.serial).ok());
        f.make_ready(g->device.serial);
    }
    auto open_grant = test::checkout(f, test::agency::kLiBadge);  // one still out across the upgrade
    ASSERT_TRUE(open_grant.ok());
    f.close();
    rewind_to_schema_1(f.db_path());
    std::vector<std::vector<std::string>> before;
    {
        RawDb raw(f.db_path());
        before = raw.rows("SELECT * FROM custody_entries ORDER BY id");
        ASSERT_EQ(before.size(), 7u);
        EXPECT_EQ(raw.scalar("SELECT max(version) FROM schema_version"), 1);
    }

    f.reopen();  // open() migrates
    EXPECT_EQ(*schema_version(f.store().connection()), latest_schema_version());
    RawDb raw(f.db_path());
    EXPECT_EQ(raw.rows("SELECT * FROM custody_entries ORDER BY id"), before);
    EXPECT_TRUE(raw.rows("PRAGMA foreign_key_check").empty());
    EXPECT_NE(raw.exec("UPDATE custody_entries SET slot = 9 WHERE id = 1"), SQLITE_OK) << "still append-only";
    EXPECT_NE(raw.exec("DELETE FROM custody_entries WHERE id = 1"), SQLITE_OK) << "still append-only";
    EXPECT_EQ(raw.scalar("SELECT count(*) FROM sqlite_master WHERE type='index' AND tbl_name='custody_entries' "
                         "AND name LIKE 'custody_by_%'"),
              3);
    auto report = verify_audit(f.store().connection(), f.key(), f.anchor_path());
    ASSERT_TRUE(report.ok()) << log_line(report.error());
    EXPECT_TRUE(report->intact()) << log_line(*report->broken);

    // The open checkout can still be returned, and the ledger takes the new kind.
    ASSERT_TRUE(test::give_back(f, open_grant->device.serial, open_grant->slot).ok());
    EXPECT_EQ(raw.exec("INSERT INTO custody_entries(kind, device_id, at_ms) VALUES ('voided', 1, 0)"), SQLITE_OK)
        << raw.last_error();
}

}  // namespace
}  // namespace custody::db
