// The whole life of a camera through the real custodyctl and a real database file:
// init -> import the registry from CSV -> health check -> checkout -> return -> ledger
// (R5) -> overdue (R14) -> verify. Every step is checked against what sqlite3 sees.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/cli/cli_helpers.h"
#include "tests/cli/mini_json.h"

namespace custody::test {
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST(CliFlow, InitCreatesDatabaseKeyAndAnchorAndIsIdempotent) {
    TempDir dir;
    const std::string db = dir.file("kiosk/custody.db");  // the parent directory is created too
    auto r = ctl(db, {"init", "--slots", "8", "--agency", "示例市公安局"}, "zh");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "已初始化")) << r.out;
    EXPECT_EQ(std::filesystem::file_size(db + ".key"), 32u);
    EXPECT_TRUE(std::filesystem::exists(db + ".head"));
    EXPECT_EQ(row_count(db, "dock_slots"), 8);
    EXPECT_EQ(sql_text(db, "SELECT value FROM agency_profile WHERE key='agency_name';"), "示例市公安局");
    const std::string key = read_file(db + ".key");
    const std::int64_t audit = row_count(db, "audit_log");

    auto again = ctl(db, {"init"});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_TRUE(contains(again.out, "already initialised; nothing changed")) << again.out;
    EXPECT_EQ(read_file(db + ".key"), key) << "a second init must not replace the signing key";
    EXPECT_EQ(row_count(db, "audit_log"), audit);
}

TEST(CliFlow, R5_R14_ImportCheckoutReturnLedgerOverdueVerify) {
    TempDir dir;
    const std::string db = dir.file("custody.db");
    ASSERT_EQ(ctl(db, {"init", "--slots", "8"}).exit_code, 0);

    // --- registry from CSV (BOM, Chinese headers and values, CRLF, quoted comma)
    AgencyCsvs csv = write_agency_csvs(dir);
    auto units = ctl(db, {"import", "units", csv.units});
    ASSERT_EQ(units.exit_code, 0) << units.err;
    EXPECT_TRUE(contains(units.out, "Imported 2 records from " + csv.units)) << units.out;
    auto officers = ctl(db, {"import", "officers", csv.officers}, "zh");
    ASSERT_EQ(officers.exit_code, 0) << officers.err;
    EXPECT_TRUE(contains(officers.out, "已从 " + csv.officers + " 导入 4 条记录")) << officers.out;
    ASSERT_EQ(ctl(db, {"import", "devices", csv.devices}).exit_code, 0);
    ASSERT_EQ(ctl(db, {"import", "badges", csv.badges}).exit_code, 0);

    EXPECT_EQ(
        sql_text(
            db,
            "SELECT group_concat(c, ' ') FROM (SELECT code || ':' || allocation_class AS c FROM units ORDER BY id);"),
        "JJ01:A XJ02:B");  // the BOM did not leak into the first header; 甲类 means A
    EXPECT_EQ(sql_text(db, "SELECT name FROM officers WHERE number='010003';"), "欧阳明轩");
    EXPECT_EQ(sql_text(db, "SELECT role FROM officers WHERE number='010003';"), "keeper");
    EXPECT_EQ(sql_text(db, "SELECT model FROM devices WHERE serial='CAM-001';"), "DSJ-V9, 二代");
    EXPECT_EQ(sql_text(db,
                       "SELECT o.number FROM devices d JOIN officers o ON o.id=d.keeper_id "
                       "WHERE d.serial='CAM-001';"),
              "010003");  // R4: the named keeper
    EXPECT_EQ(sql_text(db, "SELECT group_concat(uid, ' ') FROM (SELECT uid FROM badges ORDER BY uid);"),
              "04A23B11 04A23B12 04A23B13 04A23B21");

    // --- pre-use health checks (R7)
    for (const char* serial : {"CAM-001", "CAM-002", "CAM-003", "CAM-004"}) {
        auto h = ctl(db, {"health", "--device", serial, "--battery", "96", "--free-mb", "30000"});
        ASSERT_EQ(h.exit_code, 0) << serial << ": " << h.err;
    }
    EXPECT_EQ(row_count(db, "health_checks"), 4);

    // --- checkout with a partner (R10), only from the officer's own unit (R6)
    auto out1 = ctl(db, {"checkout", "--badge", "04:a2:3b:11", "--partner", "04A23B12"});
    ASSERT_EQ(out1.exit_code, 0) << out1.err;
    EXPECT_TRUE(contains(out1.out, "Checked out: 张伟 (010001) takes CAM-00")) << out1.out;
    EXPECT_TRUE(contains(out1.out, "partner: 李娜")) << out1.out;
    const std::string serial1 =
        sql_text(db, "SELECT d.serial FROM custody_entries c JOIN devices d ON d.id=c.device_id WHERE c.id=1;");
    EXPECT_TRUE(serial1 == "CAM-001" || serial1 == "CAM-002") << serial1;
    const std::int64_t slot1 = sql_int(db, "SELECT slot FROM custody_entries WHERE id=1;");

    auto out2 = ctl(db, {"checkout", "--badge", "04A23B21"}, "zh");
    ASSERT_EQ(out2.exit_code, 0) << out2.err;
    EXPECT_TRUE(contains(out2.out, "领用成功：王芳 (020001) 领取 CAM-00")) << out2.out;
    EXPECT_EQ(sql_text(db,
                       "SELECT u.code FROM custody_entries c JOIN devices d ON d.id=c.device_id "
                       "JOIN units u ON u.id=d.unit_id WHERE c.id=2;"),
              "XJ02");

    auto twice = ctl(db, {"checkout", "--badge", "04A23B11"});
    EXPECT_EQ(twice.exit_code, 1);
    EXPECT_TRUE(contains(twice.err, "张伟 already holds device " + serial1)) << twice.err;

    // --- return: docked, pending offload
    auto back = ctl(db, {"return", "--device", serial1, "--slot", std::to_string(slot1)});
    ASSERT_EQ(back.exit_code, 0) << back.err;
    EXPECT_TRUE(contains(back.out, "Returned: " + serial1 + " slot " + std::to_string(slot1) + ", 张伟 (010001)"))
        << back.out;
    EXPECT_EQ(sql_text(db, "SELECT status FROM devices WHERE serial='" + serial1 + "';"), "docked");
    EXPECT_EQ(sql_text(db, "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM custody_entries ORDER BY id);"),
              "checkout checkout return");
    EXPECT_EQ(sql_int(db, "SELECT closes_id FROM custody_entries WHERE id=3;"), 1);

    // --- the ledger as the custodian reads it (R5)
    auto table = ctl(db, {"ledger"}, "zh");
    ASSERT_EQ(table.exit_code, 0) << table.err;
    for (const char* s : {"编号", "张伟", "李娜", "王芳", "领用", "归还", "交警一大队", "刑警二中队"})
        EXPECT_TRUE(contains(table.out, s)) << s << "\n" << table.out;

    auto devices = ctl(db, {"devices"});
    ASSERT_EQ(devices.exit_code, 0) << devices.err;
    EXPECT_TRUE(contains(devices.out, "王芳 020001")) << devices.out;

    // --- nothing has been out past the 24 h deadline (R14)
    auto overdue = ctl(db, {"overdue"});
    ASSERT_EQ(overdue.exit_code, 0) << overdue.err;
    EXPECT_TRUE(contains(overdue.out, "No device is overdue")) << overdue.out;
    auto overdue_json = ctl(db, {"overdue", "--format", "json"});
    ASSERT_EQ(overdue_json.exit_code, 0);
    Json list = parse_json(overdue_json.out);
    ASSERT_EQ(list.type, Json::Type::Array);
    EXPECT_TRUE(list.items.empty()) << overdue_json.out;
    auto overdue_csv = parse_csv_output(ctl(db, {"overdue", "--format", "csv"}).out);
    ASSERT_EQ(overdue_csv.size(), 1u);
    EXPECT_EQ(overdue_csv[0][0], "device_serial");

    // --- and the audit chain accounts for all of it
    auto verify = ctl(db, {"verify"});
    ASSERT_EQ(verify.exit_code, 0) << verify.err;
    const std::int64_t entries = row_count(db, "audit_log");
    const std::int64_t records = row_count(db, "custody_entries") + row_count(db, "health_checks");
    EXPECT_TRUE(contains(verify.out, "Audit chain intact: " + std::to_string(entries) + " entries")) << verify.out;
    EXPECT_TRUE(contains(verify.out, std::to_string(records) + " ledger records match")) << verify.out;
    auto verify_zh = ctl(db, {"verify"}, "zh");
    EXPECT_EQ(verify_zh.exit_code, 0);
    EXPECT_TRUE(contains(verify_zh.out, "审计链完整：共 " + std::to_string(entries) + " 条记录")) << verify_zh.out;
}

}  // namespace
}  // namespace custody::test
