// The signing key lives beside the database, readable by the service user only; a
// missing or damaged key is refused, never silently replaced.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "db/kiosk_key.h"
#include "db/sqlite_store.h"
#include "tests/support/store_fixture.h"

namespace custody::db {
namespace {

using test::StoreFixture;

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const std::string& path, std::size_t n) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << std::string(n, 'k');
}

Result<std::unique_ptr<SqliteStore>> open_again(StoreFixture& f, const Clock& clock) {
    f.close();
    return SqliteStore::open(f.paths(), clock);
}

TEST(KioskKey, CreatedWithMode0600EvenWithAPermissiveUmask) {
    mode_t old = ::umask(0);
    StoreFixture f;
    ::umask(old);
    struct stat st {};
    ASSERT_EQ(::stat(f.paths().key.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(st.st_size, 32);
    ASSERT_EQ(::stat(f.db_path().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << "the database holds personal data";
}

TEST(KioskKey, MissingKeyIsRefused) {
    StoreFixture f;
    std::filesystem::remove(f.paths().key);
    ManualClock clock(test::kShiftStart);
    auto s = open_again(f, clock);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().id, MessageId::KeyMissing);
    EXPECT_EQ(s.error().args, std::vector<std::string>{f.paths().key});
    EXPECT_FALSE(std::filesystem::exists(f.paths().key)) << "a new key must never be made on open";
}

TEST(KioskKey, WrongSizeIsInvalid) {
    for (std::size_t n : {0u, 31u, 33u, 64u}) {
        StoreFixture f;
        write_bytes(f.paths().key, n);
        ManualClock clock(test::kShiftStart);
        auto s = open_again(f, clock);
        ASSERT_FALSE(s.ok()) << n << " bytes accepted";
        EXPECT_EQ(s.error().id, MessageId::KeyInvalid) << n;
    }
}

TEST(KioskKey, AnotherKeyOfTheRightSizeOpensButFailsVerification) {
    // Size is all open() can check; the MACs tell the rest (see tamper tests).
    StoreFixture f;
    write_bytes(f.paths().key, 32);
    ManualClock clock(test::kShiftStart);
    auto s = open_again(f, clock);
    ASSERT_TRUE(s.ok());
    EXPECT_NE((*s)->key().bytes, f.key().bytes);
}

TEST(KioskKey, CreateRefusesToOverwrite) {
    test::TempDir dir;
    const std::string path = dir.file("k.key");
    auto a = create_kiosk_key(path);
    ASSERT_TRUE(a.ok());
    auto b = create_kiosk_key(path);
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.error().id, MessageId::KeyExists);
    auto loaded = load_kiosk_key(path);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->bytes, a->bytes);
    auto c = create_kiosk_key(dir.file("other.key"));
    ASSERT_TRUE(c.ok());
    EXPECT_NE(c->bytes, a->bytes) << "keys must be random";
}

TEST(KioskKey, AKeyThatSignedNothingIsTakenUpByInit) {
    // An init killed after creating the key but before its first entry leaves a key that
    // has signed nothing; running init again uses it rather than refusing for ever.
    test::TempDir dir;
    StorePaths paths = StorePaths::for_db(dir.file("custody.db"));
    write_bytes(paths.key, 32);
    const std::string before = read_all(paths.key);
    ManualClock clock(test::kShiftStart);
    auto s = SqliteStore::initialise(paths, clock, {});
    ASSERT_TRUE(s.ok()) << log_line(s.error());
    EXPECT_EQ(read_all(paths.key), before);
}

TEST(KioskKey, AKeyBesideASignedChainIsNeverReplaced) {
    test::TempDir dir;
    StorePaths paths = StorePaths::for_db(dir.file("custody.db"));
    ManualClock clock(test::kShiftStart);
    ASSERT_TRUE(SqliteStore::initialise(paths, clock, {}).ok());
    const std::string before = read_all(paths.key);
    // Even with the profile gone (so the database looks uninitialised), the chain exists.
    {
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(paths.db.c_str(), &raw), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(raw, "DELETE FROM agency_profile", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(raw);
    }
    auto again = SqliteStore::initialise(paths, clock, {});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().id, MessageId::KeyExists);
    EXPECT_EQ(read_all(paths.key), before);
}

}  // namespace
}  // namespace custody::db
