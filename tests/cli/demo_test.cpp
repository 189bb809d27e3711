// `custodyctl demo`: a month of an agency driven through the real services into a real
// database — verifiable, with Chinese names in the ledger and a camera overdue (R14) —
// and an archive of the cameras' offloaded recordings (R12, R15); it replaces an earlier
// demo and its archive, but never a real database or an archive it cannot account for.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "tests/cli/cli_helpers.h"
#include "tests/cli/mini_json.h"

namespace custody::test {
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The archive a test names, so that a $CUSTODY_ARCHIVE in the environment never
// receives a test's footage.
std::vector<std::string> in_archive(const std::string& archive, std::vector<std::string> args) {
    args.insert(args.begin(), {"--archive", archive});
    return args;
}

// custodyctl with the archive left to its defaults: $CUSTODY_ARCHIVE as given ("" for
// unset), else the folder beside the database.
CommandResult ctl_env_archive(const std::string& db, const std::string& env_archive,
                              const std::vector<std::string>& args) {
    std::vector<std::string> argv = {CUSTODYCTL_PATH, "--db", db, "--lang", "en"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv, {{"CUSTODY_DB", ""}, {"CUSTODY_KEY", ""}, {"CUSTODY_ARCHIVE", env_archive}});
}

std::int64_t archived_files(const std::string& db) {
    return sql_int(db, "SELECT count(*) FROM recordings WHERE archive_path <> '';");
}

std::vector<std::string> sql_lines(const std::string& db, const std::string& query) {
    auto r = sqlite_shell(db, query);
    EXPECT_EQ(r.exit_code, 0) << query << "\n" << r.err;
    std::vector<std::string> lines;
    std::size_t at = 0;
    for (std::size_t nl; (nl = r.out.find('\n', at)) != std::string::npos; at = nl + 1) lines.push_back(r.out.substr(at, nl - at));
    return lines;
}

// What the demo's archive should hold: its marker, and each job's files and SHA256SUMS.
std::set<std::string> expected_archive(const std::string& db) {
    std::set<std::string> files = {"DEMO-ARCHIVE.txt"};
    for (const auto& f : sql_lines(db, "SELECT archive_path FROM recordings WHERE archive_path <> '';")) files.insert(f);
    for (const auto& d : sql_lines(db, "SELECT archive_dir FROM offload_jobs;")) files.insert(d + "/SHA256SUMS");
    return files;
}

// Every regular file under `root`, relative to it.
std::set<std::string> files_under(const std::string& root) {
    std::set<std::string> found;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root))
        if (e.is_regular_file()) found.insert(std::filesystem::relative(e.path(), root).generic_string());
    return found;
}

TEST(CliDemo, R5_R14_CreatesAVerifiableAgencyWithAnOverdueCamera) {
    TempDir dir;
    const std::string db = dir.file("demo.db");
    auto demo = ctl(db, in_archive(dir.file("archive"), {"demo", "--days", "7"}), "zh");
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    EXPECT_TRUE(contains(demo.out, "演示数据库已建立：" + db)) << demo.out;

    auto verify = ctl(db, {"verify"});
    EXPECT_EQ(verify.exit_code, 0) << verify.err;
    EXPECT_TRUE(contains(verify.out, "Audit chain intact: " + std::to_string(row_count(db, "audit_log")) + " entries"))
        << verify.out;
    // Forty officers and the finance clerk (R3).
    EXPECT_EQ(row_count(db, "officers"), 41);
    EXPECT_EQ(row_count(db, "devices"), 24);
    // The finance side: a card for every camera, two months closed, the repairs and cases.
    EXPECT_EQ(row_count(db, "asset_cards"), 24);
    EXPECT_EQ(row_count(db, "month_closes"), 2);
    EXPECT_EQ(row_count(db, "repair_orders"), 2);
    EXPECT_EQ(row_count(db, "compensation_cases"), 3);
    EXPECT_EQ(sql_text(db, "SELECT kind FROM violations;"), "deliberate_damage");
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM custody_entries WHERE kind IN ('sent_to_repair','back_from_repair');"), 3);
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
    const std::string archive = dir.file("archive");
    ASSERT_EQ(ctl(db, in_archive(archive, {"demo", "--days", "7"})).exit_code, 0);
    const std::string first_key = read_file(db + ".key");
    // Something only the old demo's archive has, inside one of its job folders.
    const std::string stray = archive + "/" + sql_text(db, "SELECT archive_dir FROM offload_jobs LIMIT 1;") + "/left-over.txt";
    write_file(stray, "from the first demo");
    // And what a killed demo would leave on a stand-in camera beside the database.
    const std::string on_camera = db + ".cameras/HK01001/DCIM/100MEDIA/20261130_081502_0001.WAV";
    std::filesystem::create_directories(std::filesystem::path(on_camera).parent_path());
    write_file(on_camera, "RIFF");
    ASSERT_EQ(ctl(db, {"checkout", "--badge", "DEADBEEF"}).exit_code, 1);  // something only the old demo has
    const std::int64_t refused = sql_int(db, "SELECT count(*) FROM audit_log WHERE actor='badge:DEADBEEF';");

    auto again = ctl(db, in_archive(dir.file("archive"), {"demo", "--days", "7"}));
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(read_file(db + ".key"), first_key) << "a new demo has a new key";
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM audit_log WHERE actor='badge:DEADBEEF';"), refused - 1)
        << "the refusal made on the old demo is gone";
    EXPECT_EQ(row_count(db, "officers"), 41);
    EXPECT_EQ(ctl(db, {"verify"}).exit_code, 0);
    // The old archive went with the old database: the folder holds the new demo's footage only.
    EXPECT_FALSE(std::filesystem::exists(stray));
    EXPECT_FALSE(std::filesystem::exists(db + ".cameras"));
    EXPECT_EQ(files_under(archive), expected_archive(db));
    EXPECT_EQ(ctl(db, in_archive(archive, {"verify", "--archive"})).exit_code, 0);
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

TEST(CliDemo, R12_R15_LeavesAnArchiveOfRealRecordingsThatVerifies) {
    TempDir dir;
    const std::string db = dir.file("demo.db");
    const std::string archive = dir.file("archive");  // the default, beside the database
    auto demo = ctl_env_archive(db, "", {"demo", "--days", "7"});
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    const std::int64_t files = archived_files(db);
    const std::int64_t jobs = row_count(db, "offload_jobs");
    ASSERT_GT(files, 20);
    EXPECT_TRUE(contains(demo.out, "Footage archive: " + archive + ", " + std::to_string(files) + " files")) << demo.out;
    EXPECT_LT(sql_int(db, "SELECT sum(bytes) FROM recordings;"), 8 * 1024 * 1024) << "a week of demo footage stays small";

    // Every camera that came back was offloaded at docking, verified and wiped (R15).
    EXPECT_EQ(jobs, sql_int(db, "SELECT count(*) FROM custody_entries WHERE kind IN ('return', 'unexpected_return');"));
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM offload_jobs WHERE state <> 'complete';"), 0);
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM recordings WHERE state <> 'wiped';"), 0);
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM devices WHERE status = 'docked';"), 0);
    EXPECT_EQ(files_under(archive), expected_archive(db)) << "the files, a SHA256SUMS a job and the demo's marker";
    EXPECT_FALSE(std::filesystem::exists(db + ".cameras")) << "the stand-in cameras' folders go when the demo ends";

    // verify --archive re-reads every file against the database and its SHA256SUMS (R12, R16).
    auto verify = ctl_env_archive(db, "", {"verify", "--archive"});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    EXPECT_TRUE(contains(verify.out, "Archive intact: " + std::to_string(files) + " files and " + std::to_string(jobs) +
                                         " SHA256SUMS agree with the database"))
        << verify.out;

    // coreutils alone can check a job folder: the fullest one, every line OK.
    const std::string job = sql_text(db,
                                     "SELECT j.archive_dir FROM offload_jobs j ORDER BY (SELECT count(*) FROM recordings r "
                                     "WHERE r.job_id = j.id) DESC, j.id LIMIT 1;");
    const std::int64_t in_job = sql_int(db, "SELECT count(*) FROM recordings r JOIN offload_jobs j ON j.id = r.job_id "
                                            "WHERE j.archive_dir = '" + job + "';");
    ASSERT_GE(in_job, 2);
    auto sums = run_command({"/bin/sh", "-c", "cd \"$1\" && sha256sum -c SHA256SUMS", "sh", archive + "/" + job});
    EXPECT_EQ(sums.exit_code, 0) << sums.out << sums.err;
    std::size_t ok = 0;
    for (std::size_t at = 0; (at = sums.out.find(": OK\n", at)) != std::string::npos; ++at) ++ok;
    EXPECT_EQ(static_cast<std::int64_t>(ok), in_job) << sums.out;

    // The jobs as a custodian lists them: the latest fifty, all complete.
    auto listed = ctl_env_archive(db, "", {"offload", "jobs"});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    std::size_t complete = 0;
    for (std::size_t at = 0; (at = listed.out.find(" complete ", at)) != std::string::npos; ++at) ++complete;
    EXPECT_EQ(static_cast<std::int64_t>(complete), std::min<std::int64_t>(jobs, 50)) << listed.out;

    // The real media probe read each file: WAV audio with its BWF start, JPEG photos with EXIF.
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM recordings WHERE probe_error <> '' OR media_started_at_ms IS NULL;"), 0);
    EXPECT_GT(sql_int(db, "SELECT count(*) FROM recordings WHERE media_started_at_ms IS NOT NULL;"), 0);
    EXPECT_GT(sql_int(db, "SELECT count(*) FROM recordings WHERE media_kind = 'audio' AND container = 'wav' AND "
                          "codec = 'pcm_u8' AND duration_ms >= 2000;"),
              0);
    EXPECT_GT(sql_int(db, "SELECT count(*) FROM recordings WHERE media_kind = 'photo' AND container = 'jpeg' AND "
                          "width = 160 AND height = 120;"),
              0);
    // Each camera's offset, read at docking, corrects its start times (two cameras have
    // drifted), and every corrected recording lies inside the custody period it closes.
    EXPECT_GT(sql_int(db, "SELECT count(*) FROM offload_jobs WHERE clock_offset_ms <> 0;"), 0);
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM recordings r JOIN offload_jobs j ON j.id = r.job_id WHERE "
                          "r.corrected_start_ms IS NOT r.media_started_at_ms - j.clock_offset_ms;"),
              0);
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM recordings r JOIN offload_jobs j ON j.id = r.job_id "
                          "JOIN custody_entries o ON o.id = j.checkout_entry_id JOIN custody_entries b ON b.id = j.return_entry_id "
                          "WHERE r.corrected_start_ms < o.at_ms OR r.corrected_start_ms + coalesce(r.duration_ms, 0) > b.at_ms;"),
              0);

    // Coverage is measured for every custody period (R13): field shifts recorded in a few
    // clips need an interruption record, the office errand recorded throughout does not.
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM offload_jobs WHERE checkout_entry_id IS NOT NULL AND "
                          "(custody_ms IS NULL OR recorded_ms IS NULL OR longest_gap_ms IS NULL);"),
              0);
    EXPECT_GT(sql_int(db, "SELECT count(*) FROM offload_jobs WHERE interruption_needed = 1;"), 0);
    EXPECT_GT(sql_int(db, "SELECT count(*) FROM offload_jobs WHERE interruption_needed = 0 AND custody_ms > 0 AND "
                          "recorded_ms > 0;"),
              0);
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM offload_jobs WHERE interruption_needed = 0 AND longest_gap_ms > 30 * 60000;"), 0);
}

TEST(CliDemo, TheArchiveGoesWhereArchiveOrCustodyArchiveSays) {
    TempDir dir;
    const std::string by_option = dir.file("by-option"), by_env = dir.file("by-env");
    std::filesystem::create_directories(dir.file("two"));
    const std::string one = dir.file("one.db"), two = dir.file("two/demo.db");

    // --archive wins over $CUSTODY_ARCHIVE.
    auto a = ctl_env_archive(one, by_env, {"--archive", by_option, "demo", "--days", "7"});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    EXPECT_TRUE(contains(a.out, "Footage archive: " + by_option + ", ")) << a.out;
    EXPECT_EQ(files_under(by_option), expected_archive(one));
    EXPECT_FALSE(std::filesystem::exists(by_env));
    EXPECT_FALSE(std::filesystem::exists(dir.file("archive")));
    EXPECT_EQ(ctl_env_archive(one, by_env, {"--archive", by_option, "verify", "--archive"}).exit_code, 0);

    auto b = ctl_env_archive(two, by_env, {"demo", "--days", "7"});
    ASSERT_EQ(b.exit_code, 0) << b.err;
    EXPECT_EQ(files_under(by_env), expected_archive(two));
    EXPECT_FALSE(std::filesystem::exists(dir.file("two/archive")));
    EXPECT_EQ(ctl_env_archive(two, by_env, {"verify", "--archive"}).exit_code, 0);
}

TEST(CliDemo, LeavesAnArchiveItCannotAccountForAlone) {
    TempDir dir;
    const std::string db = dir.file("demo.db");
    const std::string archive = dir.file("archive");
    // Footage of a real kiosk, in the folder the demo would fill.
    const std::string real = archive + "/2026/11/30/CAM-001/7/DCIM/100MEDIA/VID0001.MP4";
    std::filesystem::create_directories(std::filesystem::path(real).parent_path());
    write_file(real, "real footage");

    auto en = ctl(db, in_archive(archive, {"demo", "--days", "7"}));
    EXPECT_EQ(en.exit_code, 1) << en.out << en.err;
    EXPECT_TRUE(contains(en.err, "The archive folder " + archive + " holds files that are not the demo's")) << en.err;
    auto zh = ctl(db, in_archive(archive, {"demo", "--days", "7"}), "zh");
    EXPECT_EQ(zh.exit_code, 1);
    EXPECT_TRUE(contains(zh.err, "存档目录 " + archive + " 中已有不属于演示的文件")) << zh.err;
    EXPECT_FALSE(std::filesystem::exists(db)) << "nothing is created when the archive is refused";
    EXPECT_EQ(read_file(real), "real footage");

    // Folders without files hold nothing to lose: the demo fills them.
    std::filesystem::remove(real);
    ASSERT_EQ(ctl(db, in_archive(archive, {"demo", "--days", "7"})).exit_code, 0);
    EXPECT_EQ(files_under(archive), expected_archive(db));

    // A file the demo did not put there, even in its own marked archive, stops the next
    // demo before it touches the old database or the archive.
    const std::string notes = archive + "/notes.txt";
    write_file(notes, "custodian's notes");
    const std::string key = read_file(db + ".key");
    const std::int64_t entries = row_count(db, "audit_log");
    auto again = ctl(db, in_archive(archive, {"demo", "--days", "7"}));
    EXPECT_EQ(again.exit_code, 1) << again.out << again.err;
    EXPECT_EQ(read_file(notes), "custodian's notes");
    EXPECT_EQ(read_file(db + ".key"), key);
    EXPECT_EQ(row_count(db, "audit_log"), entries);
    EXPECT_EQ(ctl(db, in_archive(archive, {"verify", "--archive"})).exit_code, 0);
    EXPECT_EQ(ctl(db, {"verify"}).exit_code, 0);
}

}  // namespace
}  // namespace custody::test
