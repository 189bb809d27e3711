// Numbered migrations bring a fresh database to the latest schema; a database from a
// newer program, a missing file or a second init are refused rather than guessed at.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "db/migrations.h"
#include "db/sqlite_store.h"
#include "tests/support/raw_db.h"
#include "tests/support/store_fixture.h"

namespace custody::db {
namespace {

using test::RawDb;
using test::StoreFixture;
using test::TempDir;

TEST(Migrations, AreNumberedFromOneWithoutGaps) {
    const auto& all = known_migrations();
    ASSERT_FALSE(all.empty());
    for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_EQ(all[i].version, static_cast<int>(i) + 1) << all[i].name;
        EXPECT_FALSE(all[i].sql.empty()) << all[i].name;
    }
    EXPECT_EQ(latest_schema_version(), all.back().version);
}

TEST(Migrations, FreshDatabaseReachesTheLatestVersion) {
    StoreFixture f;
    auto v = schema_version(f.store().connection());
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(*v, latest_schema_version());
    EXPECT_EQ(f.count("schema_version"), static_cast<std::int64_t>(known_migrations().size()));
    for (const char* table : {"units", "officers", "badges", "dock_slots", "devices", "custody_entries",
                              "health_checks", "audit_log", "agency_profile"})
        EXPECT_EQ(f.scalar(std::string("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='") + table + "'"),
                  1)
            << table;
    EXPECT_EQ(f.count("dock_slots"), 24);
}

TEST(Migrations, MigrateIsIdempotent) {
    StoreFixture f;
    const std::int64_t audit = f.count("audit_log");
    auto again = migrate(f.store().connection());
    ASSERT_TRUE(again.ok()) << log_line(again.error());
    EXPECT_EQ(*again, latest_schema_version());  // it started from the latest: nothing to do
    EXPECT_EQ(f.count("schema_version"), static_cast<std::int64_t>(known_migrations().size()));
    EXPECT_EQ(f.count("audit_log"), audit);
    f.reopen();  // open() migrates too
    EXPECT_EQ(*schema_version(f.store().connection()), latest_schema_version());
}

TEST(Migrations, NewerSchemaIsRefused) {
    StoreFixture f;
    f.close();
    const int newer = latest_schema_version() + 1;
    {
        RawDb raw(f.db_path());
        raw.must("INSERT INTO schema_version(version, name, applied_at_ms) VALUES (" + std::to_string(newer) +
                 ", 'from_the_future', 0)");
    }
    ManualClock clock(test::kShiftStart);
    auto s = SqliteStore::open(f.paths(), clock);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().id, MessageId::SchemaTooNew) << log_line(s.error());
    EXPECT_EQ(s.error().args,
              (std::vector<std::string>{std::to_string(newer), std::to_string(latest_schema_version())}));
    RawDb raw(f.db_path());
    EXPECT_EQ(raw.scalar("SELECT max(version) FROM schema_version"), newer) << "the newer database was touched";
}

TEST(Migrations, OpenMissingFileIsDatabaseMissing) {
    TempDir dir;
    ManualClock clock(test::kShiftStart);
    const std::string path = dir.file("nowhere/custody.db");
    auto s = SqliteStore::open(StorePaths::for_db(path), clock);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().id, MessageId::DatabaseMissing);
    EXPECT_EQ(s.error().args, std::vector<std::string>{path});
    EXPECT_FALSE(std::filesystem::exists(path)) << "open() must not create a database";
}

TEST(Migrations, OpenEmptySqliteFileIsNotInitialised) {
    TempDir dir;
    const std::string path = dir.file("empty.db");
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        sqlite3_exec(db, "CREATE TABLE something_else(x)", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    ManualClock clock(test::kShiftStart);
    auto s = SqliteStore::open(StorePaths::for_db(path), clock);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().id, MessageId::DatabaseNotInitialised) << log_line(s.error());
}

TEST(Migrations, SecondInitialiseIsRefusedAndChangesNothing) {
    StoreFixture f;
    f.register_agency();
    const auto audit = f.count("audit_log");
    std::ifstream key_in(f.paths().key, std::ios::binary);
    const std::string key_before((std::istreambuf_iterator<char>(key_in)), {});
    ManualClock clock(test::kShiftStart);
    auto s = SqliteStore::initialise(f.paths(), clock, {});
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().id, MessageId::AlreadyInitialised);
    EXPECT_EQ(s.error().args, std::vector<std::string>{f.db_path()});
    EXPECT_EQ(f.count("audit_log"), audit);
    EXPECT_EQ(f.count("officers"), 6);
    std::ifstream key_again(f.paths().key, std::ios::binary);
    EXPECT_EQ(std::string((std::istreambuf_iterator<char>(key_again)), {}), key_before);
}

}  // namespace
}  // namespace custody::db
