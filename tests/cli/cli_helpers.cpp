#include "tests/cli/cli_helpers.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace custody::test {

CommandResult ctl(const std::string& db, const std::vector<std::string>& args, const std::string& lang) {
    std::vector<std::string> argv = {CUSTODYCTL_PATH, "--db", db};
    // JOURNAL_STREAM empty: a test run started by a systemd unit still sees custodyctl's
    // log lines on its standard error.
    std::map<std::string, std::string> env = {{"CUSTODY_DB", ""}, {"CUSTODY_KEY", ""}, {"JOURNAL_STREAM", ""}};
    if (lang == "zh") {
        for (const char* v : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) env[v] = "";
    } else {
        argv.insert(argv.end(), {"--lang", lang});
    }
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv, env);
}

CommandResult sqlite_shell(const std::string& db, const std::string& sql) {
    return run_command({kSqlite3, "-bail", "-batch", db}, {}, sql + "\n");
}

std::string sql_text(const std::string& db, const std::string& query) {
    auto r = sqlite_shell(db, query);
    EXPECT_EQ(r.exit_code, 0) << query << "\n" << r.err;
    std::string v = r.out;
    if (auto nl = v.find('\n'); nl != std::string::npos) v.resize(nl);
    return v;
}

std::int64_t sql_int(const std::string& db, const std::string& query) {
    std::string v = sql_text(db, query);
    try {
        std::size_t used = 0;
        std::int64_t n = std::stoll(v, &used);
        if (used == v.size()) return n;
    } catch (const std::exception&) {
    }
    ADD_FAILURE() << "not a number from sqlite3: \"" << v << "\" for " << query;
    return -1;
}

std::int64_t row_count(const std::string& db, const std::string& table) {
    return sql_int(db, "SELECT count(*) FROM " + table + ";");
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + path);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void copy_store(const std::string& from_db, const std::string& to_db) {
    namespace fs = std::filesystem;
    for (const char* suffix : {"", "-wal", ".key", ".head"}) {
        if (fs::exists(from_db + suffix))
            fs::copy_file(from_db + suffix, to_db + suffix, fs::copy_options::overwrite_existing);
    }
}

std::vector<std::vector<std::string>> parse_csv_output(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
        } else if (c == '\n') {
            row.push_back(field);
            field.clear();
            rows.push_back(row);
            row.clear();
        } else if (c != '\r') {
            field += c;
        }
    }
    if (quoted) throw std::runtime_error("CSV output ends inside a quoted field");
    if (!field.empty() || !row.empty()) {
        row.push_back(field);
        rows.push_back(row);
    }
    return rows;
}

int column(const std::vector<std::string>& header, const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return static_cast<int>(i);
    return -1;
}

bool has_cjk(const std::string& s) {
    bool cjk = false;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 9;
        if (n == 9 || i + n >= s.size()) return false;
        std::uint32_t cp = n == 0 ? c : n == 1 ? (c & 0x1F) : n == 2 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k <= n; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc >> 6) != 0x2) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp >= 0x4E00 && cp <= 0x9FFF) cjk = true;
        i += n + 1;
    }
    return cjk;
}

std::string broken_at(std::int64_t seq) { return "Audit chain broken at entry " + std::to_string(seq) + ":"; }

AgencyCsvs write_agency_csvs(const TempDir& dir) {
    AgencyCsvs f{dir.file("units.csv"), dir.file("officers.csv"), dir.file("devices.csv"), dir.file("badges.csv")};
    // Saved by a spreadsheet program: BOM, Chinese header, the class written as 甲类.
    write_file(f.units, "\xEF\xBB\xBF单位代码,单位名称,配备类别\nJJ01,交警一大队,甲类\nXJ02,刑警二中队,B\n");
    write_file(f.officers,
               "警号,姓名,单位代码,角色,在岗\n"
               "010001,张伟,JJ01,民警,是\n"
               "010002,李娜,JJ01,officer,1\n"
               "010003,欧阳明轩,JJ01,保管员,是\n"
               "020001,王芳,XJ02,民警,在岗\n");
    write_file(f.devices,
               "serial,kind,brand,model,firmware,unit_code,keeper_number,slot\r\n"
               "CAM-001,执法记录仪,海康威视,\"DSJ-V9, 二代\",V2.1,JJ01,010003,1\r\n"
               "CAM-002,body_camera,大华,MPT320,,JJ01,,2\r\n"
               "CAM-003,body_camera,警翼,X6,,XJ02,,3\r\n"
               "CAM-004,body_camera,警翼,X6,,XJ02,,4\r\n");
    write_file(f.badges, "卡号,警号\n04:A2:3B:11,010001\n04A23B12,010002\n04a23b13,010003\n04-A2-3B-21,020001\n");
    return f;
}

namespace {

::testing::AssertionResult expect_ok(const CommandResult& r, const std::string& what) {
    if (r.exit_code == 0) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << what << " exited " << r.exit_code << ": " << r.err;
}

::testing::AssertionResult init_and_import(const TempDir& dir, const std::string& db, bool everything) {
    if (auto ok = expect_ok(ctl(db, {"init", "--slots", "8", "--agency", "示例市公安局"}), "init"); !ok) return ok;
    AgencyCsvs f = write_agency_csvs(dir);
    std::vector<std::pair<const char*, std::string>> files = {{"units", f.units}, {"officers", f.officers}};
    if (everything) files.insert(files.end(), {{"devices", f.devices}, {"badges", f.badges}});
    for (const auto& [kind, path] : files) {
        if (auto ok = expect_ok(ctl(db, {"import", kind, path}), std::string("import ") + kind); !ok) return ok;
    }
    return ::testing::AssertionSuccess();
}

}  // namespace

::testing::AssertionResult make_small_registry(const TempDir& dir, const std::string& db) {
    return init_and_import(dir, db, false);
}

::testing::AssertionResult make_small_agency(const TempDir& dir, const std::string& db) {
    if (auto ok = init_and_import(dir, db, true); !ok) return ok;
    for (const char* serial : {"CAM-001", "CAM-002", "CAM-003", "CAM-004"}) {
        auto r =
            ctl(db, {"health", "--device", serial, "--battery", "96", "--free-mb", "30000", "--clock-offset", "1"});
        if (auto ok = expect_ok(r, std::string("health ") + serial); !ok) return ok;
    }
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult make_small_history(const TempDir& dir, const std::string& db) {
    if (auto ok = make_small_agency(dir, db); !ok) return ok;
    auto step = [&](const std::vector<std::string>& args, int want) -> ::testing::AssertionResult {
        auto r = ctl(db, args);
        if (r.exit_code == want) return ::testing::AssertionSuccess();
        return ::testing::AssertionFailure() << args[0] << " exited " << r.exit_code << ": " << r.err;
    };
    if (auto ok = step({"checkout", "--badge", "04A23B11", "--partner", "04A23B12"}, 0); !ok) return ok;
    if (auto ok = step({"checkout", "--badge", "04A23B21"}, 0); !ok) return ok;
    const std::string serial =
        sql_text(db, "SELECT d.serial FROM custody_entries c JOIN devices d ON d.id=c.device_id WHERE c.id=1;");
    const std::string slot = sql_text(db, "SELECT slot FROM custody_entries WHERE id=1;");
    if (auto ok = step({"return", "--device", serial, "--slot", slot}, 0); !ok) return ok;
    if (auto ok = step({"health", "--device", serial, "--battery", "40", "--free-mb", "9000"}, 0); !ok) return ok;
    return step({"checkout", "--badge", "DEADBEEF"}, 1);
}

}  // namespace custody::test
