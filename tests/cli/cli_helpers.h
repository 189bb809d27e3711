#pragma once
// What the end-to-end tests share: running the real custodyctl and the real sqlite3
// shell against database files in a TempDir, and a small agency to start from.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace custody::test {

inline constexpr const char* kSqlite3 = "/usr/bin/sqlite3";

// custodyctl --db DB [--lang en] ARGS... With lang "zh" the locale variables are emptied
// so that the default language (Chinese) is what the test sees.
CommandResult ctl(const std::string& db, const std::vector<std::string>& args, const std::string& lang = "en");

// The sqlite3 shell, as an attacker or an auditor would use it: `sqlite3 -bail DB`, with
// the statements on standard input.
CommandResult sqlite_shell(const std::string& db, const std::string& sql);
// One value from the sqlite3 shell (first column of the first row); fails the test on error.
std::string sql_text(const std::string& db, const std::string& query);
std::int64_t sql_int(const std::string& db, const std::string& query);
// Rows of `table` (count(*)).
std::int64_t row_count(const std::string& db, const std::string& table);

void write_file(const std::string& path, const std::string& bytes);
std::string read_file(const std::string& path);
// Copies the database and everything beside it that custodyctl reads (-wal, .key, .head).
void copy_store(const std::string& from_db, const std::string& to_db);

// A minimal RFC 4180 reader for checking custodyctl's CSV output independently of the
// product's own parser.
std::vector<std::vector<std::string>> parse_csv_output(const std::string& text);
// Index of `name` in a CSV header row; -1 if absent.
int column(const std::vector<std::string>& header, const std::string& name);

// True when `s` holds at least one CJK ideograph (U+4E00..U+9FFF) and is valid UTF-8.
bool has_cjk(const std::string& s);

// "Audit chain broken at entry N: ..." — verify's way of naming the first broken entry.
std::string broken_at(std::int64_t seq);

// The small agency used by most tests (R1, R4, R5): two units, four officers with
// Chinese names, four body cameras in slots 1-4, a badge each, every camera health-checked.
//   JJ01 交警一大队 (class A): 010001 张伟, 010002 李娜, 010003 欧阳明轩 (keeper);
//                             CAM-001 (slot 1, model "DSJ-V9, 二代"), CAM-002 (slot 2)
//   XJ02 刑警二中队 (class B): 020001 王芳; CAM-003 (slot 3), CAM-004 (slot 4)
//   badges: 04A23B11 张伟, 04A23B12 李娜, 04A23B13 欧阳明轩, 04A23B21 王芳
// The CSV files exercise a UTF-8 BOM, Chinese header aliases and values, CRLF line ends,
// a quoted field with a comma, and badge UIDs written with separators.
struct AgencyCsvs {
    std::string units, officers, devices, badges;  // paths
};
AgencyCsvs write_agency_csvs(const TempDir& dir);
::testing::AssertionResult make_small_agency(const TempDir& dir, const std::string& db);
// Only the first steps of it: init, then the units and officers CSVs.
::testing::AssertionResult make_small_registry(const TempDir& dir, const std::string& db);
// The small agency plus a short history, all through custodyctl:
//   custody entry 1: 张伟 checks out (partner 李娜); entry 2: 王芳 checks out;
//   entry 3: 张伟's camera comes back; then a health check of it and a refused checkout.
::testing::AssertionResult make_small_history(const TempDir& dir, const std::string& db);

}  // namespace custody::test
