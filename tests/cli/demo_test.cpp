// `custodyctl demo`: a month of an agency driven through the real services into a real
// database — verifiable, with Chinese names in the ledger and a camera overdue (R14);
// it replaces an earlier demo but never a real database.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "tests/cli/cli_helpers.h"
#include "tests/cli/mini_json.h"

namespace custody::test {
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST(CliDemo, R5_R14_CreatesAVerifiableAgencyWithAnOverdueCamera) {
    TempDir dir;
    const std::string db = dir.file("demo.db");
    auto demo = ctl(db, {"demo", "--days", "7"}, "zh");
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    EXPECT_TRUE(contains(demo.out, "演示数据库已建立：" + db)) << demo.out;

    auto verify = ctl(db, {"verify"});
    EXPECT_EQ(verify.exit_code, 0) << verify.err;
    EXPECT_TRUE(contains(verify.out, "Audit chain intact: " + std::to_string(row_count(db, "audit_log")) + " entries"))
        << verify.out;
    EXPECT_EQ(row_count(db, "officers"), 40);
    EXPECT_EQ(row_count(db, "devices"), 24);
    // Every demo serial fits a GA/T 947.4 camera's serial field, so a simulated camera can carry it.
    EXPECT_LE(sql_int(db, "SELECT max(length(serial)) FROM devices;"), 7);
    EXPECT_EQ(sql_text(db, "SELECT actor FROM audit_log WHERE seq=1;"), "demo");

    // The ledger: Chinese names as stored, every row an officer of the registry.
    auto ledger = ctl(db, {"ledger", "--format", "csv"});
    ASSERT_EQ(ledger.exit_code, 0) << ledger.err;
    auto rows = parse_csv_output(ledger.out);
    ASSERT_GT(rows.size(), 20u);
    const int number = column(rows[0], "officer_number"), name = column(rows[0], "officer_name");
    ASSERT_GE(number, 0);
    ASSERT_GE(name, 0);
    EXPECT_EQ(static_cast<std::int64_t>(rows.size()) - 1, row_count(db, "custody_entries"));
    std::set<std::string> names;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const std::string& n = rows[r][static_cast<std::size_t>(name)];
        if (n.empty()) continue;  // an unexpected return has no officer
        EXPECT_TRUE(has_cjk(n)) << n;
        names.insert(n);
        EXPECT_EQ(n, sql_text(db, "SELECT name FROM officers WHERE number='" +
                                      rows[r][static_cast<std::size_t>(number)] + "';"));
    }
    EXPECT_GT(names.size(), 5u);

    // At least one camera is still out past the 24 h offload deadline (R14).
    auto overdue = ctl(db, {"overdue", "--format", "json"});
    ASSERT_EQ(overdue.exit_code, 0) << overdue.err;
    Json list = parse_json(overdue.out);
    ASSERT_EQ(list.type, Json::Type::Array);
    ASSERT_GE(list.items.size(), 1u) << overdue.out;
    for (const Json& o : list.items) {
        const std::string serial = o["device_serial"].as_string();
        EXPECT_EQ(sql_text(db, "SELECT status FROM devices WHERE serial='" + serial + "';"), "out") << serial;
        EXPECT_GT(o["hours_out"].as_int(), 24);
        EXPECT_TRUE(has_cjk(o["officer_name"].as_string())) << o["officer_name"].as_string();
    }
    auto table = ctl(db, {"overdue"}, "zh");
    EXPECT_EQ(table.exit_code, 0);
    EXPECT_TRUE(contains(table.out, "超期未归还导出（R14）：" + std::to_string(list.items.size()))) << table.out;
    EXPECT_TRUE(contains(table.out, list.items[0]["device_serial"].as_string())) << table.out;
}

TEST(CliDemo, RunningAgainReplacesTheDemo) {
    TempDir dir;
    const std::string db = dir.file("demo.db");
    ASSERT_EQ(ctl(db, {"demo", "--days", "7"}).exit_code, 0);
    const std::string first_key = read_file(db + ".key");
    ASSERT_EQ(ctl(db, {"checkout", "--badge", "DEADBEEF"}).exit_code, 1);  // something only the old demo has
    const std::int64_t refused = sql_int(db, "SELECT count(*) FROM audit_log WHERE actor='badge:DEADBEEF';");

    auto again = ctl(db, {"demo", "--days", "7"});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(read_file(db + ".key"), first_key) << "a new demo has a new key";
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM audit_log WHERE actor='badge:DEADBEEF';"), refused - 1)
        << "the refusal made on the old demo is gone";
    EXPECT_EQ(row_count(db, "officers"), 40);
    EXPECT_EQ(ctl(db, {"verify"}).exit_code, 0);
}

TEST(CliDemo, RefusesToOverwriteARealDatabase) {
    TempDir dir;
    const std::string db = dir.file("custody.db");
    ASSERT_TRUE(make_small_agency(dir, db));
    auto snapshot = [&] {
        std::string s;
        for (const char* f : {"", ".key", ".head"}) s += read_file(db + f) + "|";
        return s;
    };
    ASSERT_FALSE(std::filesystem::exists(db + "-wal"));
    const std::string before = snapshot();

    auto zh = ctl(db, {"demo"}, "zh");
    EXPECT_EQ(zh.exit_code, 1) << zh.out << zh.err;
    EXPECT_TRUE(contains(zh.err, db + " 已是一个正式数据库，演示不会覆盖它")) << zh.err;
    auto en = ctl(db, {"demo", "--days", "7"});
    EXPECT_EQ(en.exit_code, 1);
    EXPECT_TRUE(contains(en.err, "holds a real database; the demo will not overwrite it")) << en.err;

    EXPECT_EQ(snapshot(), before) << "database, key and anchor must be byte for byte untouched";
    EXPECT_EQ(row_count(db, "officers"), 4);
    EXPECT_EQ(ctl(db, {"verify"}).exit_code, 0);
}

TEST(CliDemo, RefusesAFileThatIsNotACustodyDatabase) {
    TempDir dir;
    const std::string path = dir.file("notes.db");
    write_file(path, "这不是数据库 / not a database\n");
    auto r = ctl(path, {"demo", "--days", "7"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_EQ(read_file(path), "这不是数据库 / not a database\n");
}

}  // namespace
}  // namespace custody::test
