// The usage ledger (R5) in its three formats, parsed, and its filters. One small history
// (two checkouts, one return) is built once through custodyctl; every test only reads it.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <set>

#include "tests/cli/cli_helpers.h"
#include "tests/cli/mini_json.h"

namespace custody::test {
namespace {

const std::vector<std::string> kCsvHeader = {
    "entry_id",       "time_local",   "time_utc",       "kind",         "device_serial", "brand",        "model",
    "officer_number", "officer_name", "partner_number", "partner_name", "slot",          "closes_entry", "unit"};

std::string shift_date(const std::string& ymd, int days) {
    using namespace std::chrono;
    sys_days d = year{std::stoi(ymd.substr(0, 4))} / month{static_cast<unsigned>(std::stoi(ymd.substr(5, 2)))} /
                 day{static_cast<unsigned>(std::stoi(ymd.substr(8, 2)))};
    year_month_day r{d + std::chrono::days{days}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(r.year()), static_cast<unsigned>(r.month()),
                  static_cast<unsigned>(r.day()));
    return buf;
}

class CliLedger : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        db_ = dir_->file("custody.db");
        ASSERT_TRUE(make_small_agency(*dir_, db_));
        ASSERT_EQ(ctl(db_, {"checkout", "--badge", "04A23B11", "--partner", "04A23B12"}).exit_code, 0);  // entry 1
        ASSERT_EQ(ctl(db_, {"checkout", "--badge", "04A23B21"}).exit_code, 0);                           // entry 2
        serial1_ = sql_text(db_,
                            "SELECT d.serial FROM custody_entries c JOIN devices d ON d.id=c.device_id "
                            "WHERE c.id=1;");
        serial2_ = sql_text(db_,
                            "SELECT d.serial FROM custody_entries c JOIN devices d ON d.id=c.device_id "
                            "WHERE c.id=2;");
        const std::string slot = sql_text(db_, "SELECT slot FROM custody_entries WHERE id=1;");
        ASSERT_EQ(ctl(db_, {"return", "--device", serial1_, "--slot", slot}).exit_code, 0);  // entry 3
    }
    static void TearDownTestSuite() { dir_.reset(); }

    static std::vector<std::vector<std::string>> csv(const std::vector<std::string>& filters) {
        std::vector<std::string> args = {"ledger", "--format", "csv"};
        args.insert(args.end(), filters.begin(), filters.end());
        auto r = ctl(db_, args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        auto rows = parse_csv_output(r.out);
        EXPECT_FALSE(rows.empty());
        if (!rows.empty()) {
            EXPECT_EQ(rows[0], kCsvHeader);
        }
        return rows;
    }
    // The entry ids a filtered ledger lists, read from its CSV.
    static std::vector<std::int64_t> ids(const std::vector<std::string>& filters) {
        std::vector<std::int64_t> out;
        auto rows = csv(filters);
        for (std::size_t i = 1; i < rows.size(); ++i) out.push_back(std::stoll(rows[i][0]));
        return out;
    }

    static std::unique_ptr<TempDir> dir_;
    static std::string db_, serial1_, serial2_;
};

std::unique_ptr<TempDir> CliLedger::dir_;
std::string CliLedger::db_, CliLedger::serial1_, CliLedger::serial2_;

TEST_F(CliLedger, R5_CsvListsEveryHandOverWithChineseNamesIntact) {
    auto rows = csv({});
    ASSERT_EQ(rows.size(), 4u);
    for (const auto& row : rows) ASSERT_EQ(row.size(), kCsvHeader.size());
    auto cell = [&](std::size_t r, const char* name) {
        return rows[r][static_cast<std::size_t>(column(rows[0], name))];
    };

    EXPECT_EQ(cell(1, "entry_id"), "1");
    EXPECT_EQ(cell(1, "kind"), "checkout");
    EXPECT_EQ(cell(1, "device_serial"), serial1_);
    EXPECT_EQ(cell(1, "officer_number"), "010001");
    EXPECT_EQ(cell(1, "officer_name"), "张伟");
    EXPECT_EQ(cell(1, "partner_number"), "010002");
    EXPECT_EQ(cell(1, "partner_name"), "李娜");
    EXPECT_EQ(cell(1, "unit"), "交警一大队");
    EXPECT_EQ(cell(1, "closes_entry"), "");

    EXPECT_EQ(cell(2, "kind"), "checkout");
    EXPECT_EQ(cell(2, "officer_name"), "王芳");
    EXPECT_EQ(cell(2, "device_serial"), serial2_);
    EXPECT_EQ(cell(2, "unit"), "刑警二中队");
    EXPECT_EQ(cell(2, "partner_name"), "");

    EXPECT_EQ(cell(3, "kind"), "return");
    EXPECT_EQ(cell(3, "device_serial"), serial1_);
    EXPECT_EQ(cell(3, "officer_name"), "张伟");
    EXPECT_EQ(cell(3, "closes_entry"), "1");
    EXPECT_EQ(cell(3, "slot"), cell(1, "slot"));

    for (std::size_t r = 1; r < rows.size(); ++r) {
        const std::string id = cell(r, "entry_id");
        EXPECT_EQ(cell(r, "slot"), sql_text(db_, "SELECT slot FROM custody_entries WHERE id=" + id + ";"));
        EXPECT_EQ(cell(r, "brand"),
                  sql_text(db_, "SELECT brand FROM devices WHERE serial='" + cell(r, "device_serial") + "';"));
        EXPECT_EQ(cell(r, "model"),
                  sql_text(db_, "SELECT model FROM devices WHERE serial='" + cell(r, "device_serial") + "';"));
        const std::string utc = cell(r, "time_utc");
        EXPECT_EQ(utc.size(), 24u) << utc;  // 2026-11-22T21:27:04.983Z
        EXPECT_EQ(utc.back(), 'Z') << utc;
        EXPECT_EQ(cell(r, "time_local").size(), 19u);
    }
}

TEST_F(CliLedger, R5_CsvQuotesAModelThatHoldsAComma) {
    auto r = ctl(db_, {"ledger", "--format", "csv", "--device", "CAM-001"});
    ASSERT_EQ(r.exit_code, 0);
    if (serial1_ == "CAM-001") {
        EXPECT_NE(r.out.find("\"DSJ-V9, 二代\""), std::string::npos) << r.out;
    } else {
        EXPECT_EQ(parse_csv_output(r.out).size(), 1u) << "CAM-001 was never issued: header only";
    }
}

TEST_F(CliLedger, R5_JsonAgreesWithTheCsv) {
    auto r = ctl(db_, {"ledger", "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Json doc = parse_json(r.out);
    ASSERT_EQ(doc.type, Json::Type::Array);
    auto rows = csv({});
    ASSERT_EQ(doc.items.size(), rows.size() - 1);
    for (std::size_t i = 0; i < doc.items.size(); ++i) {
        const Json& e = doc.items[i];
        const auto& row = rows[i + 1];
        auto cell = [&](const char* name) { return row[static_cast<std::size_t>(column(rows[0], name))]; };
        EXPECT_EQ(std::to_string(e["entry_id"].as_int()), cell("entry_id"));
        EXPECT_EQ(e["kind"].as_string(), cell("kind"));
        EXPECT_EQ(e["time_utc"].as_string(), cell("time_utc"));
        EXPECT_EQ(e["time_local"].as_string(), cell("time_local"));
        EXPECT_EQ(e["device_serial"].as_string(), cell("device_serial"));
        EXPECT_EQ(e["officer_number"].as_string(), cell("officer_number"));
        EXPECT_EQ(e["officer_name"].as_string(), cell("officer_name"));
        EXPECT_EQ(e["partner_number"].as_string(), cell("partner_number"));
        EXPECT_EQ(e["unit"].as_string(), cell("unit"));
        EXPECT_EQ(std::to_string(e["slot"].as_int()), cell("slot"));
        if (cell("closes_entry").empty()) {
            EXPECT_TRUE(e["closes_entry"].is_null());
        } else {
            EXPECT_EQ(std::to_string(e["closes_entry"].as_int()), cell("closes_entry"));
        }
    }
    EXPECT_EQ(doc.items[0]["officer_name"].as_string(), "张伟");
    EXPECT_EQ(doc.items[1]["officer_name"].as_string(), "王芳");
    EXPECT_EQ(doc.items[2]["closes_entry"].as_int(), 1);
}

TEST_F(CliLedger, R5_TableInBothLanguages) {
    auto zh = ctl(db_, {"ledger"}, "zh");
    ASSERT_EQ(zh.exit_code, 0);
    for (const char* s : {"编号", "同行民警", "张伟", "李娜", "王芳", "领用", "归还"})
        EXPECT_NE(zh.out.find(s), std::string::npos) << s << "\n" << zh.out;
    auto en = ctl(db_, {"ledger", "--format", "table"});
    ASSERT_EQ(en.exit_code, 0);
    for (const char* s : {"Entry", "Partner", "张伟", "王芳"}) EXPECT_NE(en.out.find(s), std::string::npos) << s;
}

TEST_F(CliLedger, R5_FilterByOfficerAndDevice) {
    EXPECT_EQ(ids({"--officer", "010001"}), (std::vector<std::int64_t>{1, 3}));
    EXPECT_EQ(ids({"--officer", "020001"}), (std::vector<std::int64_t>{2}));
    EXPECT_EQ(ids({"--officer", "010002"}), (std::vector<std::int64_t>{1, 3})) << "a partner used the device too (R10)";
    EXPECT_EQ(ids({"--device", serial1_}), (std::vector<std::int64_t>{1, 3}));
    EXPECT_EQ(ids({"--device", serial2_}), (std::vector<std::int64_t>{2}));
    EXPECT_EQ(ids({"--officer", "010001", "--device", serial2_}), (std::vector<std::int64_t>{}));
    EXPECT_EQ(ids({"--officer", "010003"}), (std::vector<std::int64_t>{})) << "the keeper never took a camera";

    auto none_json = ctl(db_, {"ledger", "--officer", "999999", "--format", "json"});
    ASSERT_EQ(none_json.exit_code, 0);
    EXPECT_TRUE(parse_json(none_json.out).items.empty()) << none_json.out;
    auto none_table = ctl(db_, {"ledger", "--officer", "999999"});
    ASSERT_EQ(none_table.exit_code, 0);
    EXPECT_NE(none_table.out.find("(no ledger entries match)"), std::string::npos) << none_table.out;
}

TEST_F(CliLedger, R5_FilterByDateRange) {
    auto rows = csv({});
    std::set<std::string> days;
    for (std::size_t r = 1; r < rows.size(); ++r) days.insert(rows[r][1].substr(0, 10));
    ASSERT_FALSE(days.empty());
    const std::string first = *days.begin(), last = *days.rbegin();

    EXPECT_EQ(ids({"--from", first, "--to", last}), (std::vector<std::int64_t>{1, 2, 3}));
    EXPECT_EQ(ids({"--from", first}), (std::vector<std::int64_t>{1, 2, 3}));
    EXPECT_EQ(ids({"--to", last}), (std::vector<std::int64_t>{1, 2, 3})) << "--to a date includes that whole day";
    EXPECT_EQ(ids({"--to", shift_date(first, -1)}), (std::vector<std::int64_t>{}));
    EXPECT_EQ(ids({"--from", shift_date(last, 1)}), (std::vector<std::int64_t>{}));
    EXPECT_EQ(ids({"--from", shift_date(first, -30), "--to", shift_date(last, 30), "--officer", "020001"}),
              (std::vector<std::int64_t>{2}));
    // A minute-precise bound: from the minute of the last entry on, only entries at or after it.
    const std::string last_minute = rows.back()[1].substr(0, 16);
    auto from_minute = ids({"--from", last_minute});
    ASSERT_FALSE(from_minute.empty());
    EXPECT_EQ(from_minute.back(), 3);
}

}  // namespace
}  // namespace custody::test
