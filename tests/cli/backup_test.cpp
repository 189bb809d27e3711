// custodyctl backup and restore as an administrator uses them, on real files: the restore
// drill (everything destroyed, restored from the backup, verify and verify --archive pass,
// the ledger reads the same; R12, R16), a backup taken while another process keeps
// writing, damaged and incomplete backups refused, an existing database replaced only with
// --force and kept aside, and a backup disk that is full, read-only or missing.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <regex>
#include <thread>

#include "tests/archive/scratch_mount.h"
#include "tests/cli/cli_helpers.h"

namespace custody::test {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

class BackupTest : public ::testing::Test {
protected:
    void SetUp() override { fs::create_directories(backups()); }

    std::string live() const { return dir_.file("live"); }
    std::string db() const { return live() + "/custody.db"; }
    std::string archive() const { return live() + "/archive"; }
    std::string backups() const { return dir_.file("backups"); }

    // custodyctl on the live store, its archive named so that $CUSTODY_ARCHIVE never counts.
    CommandResult run(std::vector<std::string> args, const std::string& lang = "en") {
        args.insert(args.begin(), {"--archive", archive()});
        return ctl(db(), args, lang);
    }
    // A database with a week of shifts and their footage in the archive (custodyctl demo).
    void make_live_with_footage() {
        fs::create_directories(live());
        auto r = run({"demo", "--days", "7"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        ASSERT_GT(sql_int(db(), "SELECT count(*) FROM recordings WHERE archive_path <> '';"), 0);
    }
    std::string backup_into(const std::string& to) {
        auto r = run({"backup", "--to", to});
        EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
        std::smatch m;
        const std::regex done("Backup complete: (\\S+) \\(");
        if (!std::regex_search(r.out, m, done)) {
            ADD_FAILURE() << r.out;
            return "";
        }
        return m[1];
    }
    // The ledger as the custodian reads it, and every row of the tables behind it.
    std::string ledger() {
        auto csv = run({"ledger", "--format", "csv"});
        EXPECT_EQ(csv.exit_code, 0) << csv.err;
        return csv.out;
    }
    std::string db_bytes() { return read_file(db()); }
    std::vector<std::string> backup_folders() {
        std::vector<std::string> found;
        for (const auto& e : fs::directory_iterator(backups())) found.push_back(e.path().string());
        return found;
    }
    std::vector<std::string> replaced_beside(const std::string& folder) {
        std::vector<std::string> found;
        for (const auto& e : fs::directory_iterator(folder))
            if (contains(e.path().filename().string(), ".replaced-")) found.push_back(e.path().string());
        return found;
    }

    TempDir dir_;
};

std::string flip_one_byte(const std::string& path) {
    fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
    std::string bytes = read_file(path);
    EXPECT_FALSE(bytes.empty());
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
    write_file(path, bytes);
    return path;
}

std::string some_archived_file(const std::string& db) {
    return sql_text(db, "SELECT archive_path FROM recordings WHERE archive_path <> '' ORDER BY id LIMIT 1;");
}

TEST_F(BackupTest, RestoreDrillEverythingDestroyedThenRestoredVerifies_R12_R16) {
    ASSERT_NO_FATAL_FAILURE(make_live_with_footage());
    const std::string ledger_before = ledger();
    const auto entries = sql_int(db(), "SELECT max(seq) FROM audit_log;");
    const auto archived = sql_int(db(), "SELECT count(*) FROM recordings WHERE archive_path <> '';");
    ASSERT_EQ(run({"verify"}).exit_code, 0);

    auto r = run({"backup", "--to", backups()});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(contains(r.out, "audit chain head at entry " + std::to_string(entries))) << r.out;
    ASSERT_EQ(backup_folders().size(), 1u);
    const std::string folder = backup_folders().front();
    EXPECT_EQ(fs::path(folder).filename().string().rfind("custody-backup-", 0), 0u) << folder;
    // The key in the backup is as private as the live one; coreutils alone check the files.
    struct stat st {};
    ASSERT_EQ(::stat((folder + "/custody.db.key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    auto sums = run_command({"sh", "-c", "cd '" + folder + "' && sha256sum --quiet -c MANIFEST"});
    EXPECT_EQ(sums.exit_code, 0) << sums.out << sums.err;
    EXPECT_TRUE(fs::exists(folder + "/archive/" + some_archived_file(db())));

    fs::remove_all(live());  // database, -wal, key, anchor and archive: rm -rf
    ASSERT_FALSE(fs::exists(db()));
    auto back = run({"restore", "--from", folder});
    ASSERT_EQ(back.exit_code, 0) << back.out << back.err;
    EXPECT_TRUE(contains(back.out, "Audit chain intact")) << back.out;

    auto verify = run({"verify"});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    auto footage = run({"verify", "--archive"});
    EXPECT_EQ(footage.exit_code, 0) << footage.out << footage.err;
    EXPECT_TRUE(contains(footage.out, "Archive intact: " + std::to_string(archived) + " files")) << footage.out;
    EXPECT_EQ(ledger(), ledger_before);
    ASSERT_EQ(::stat((db() + ".key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
}

// An agency of one officer and `cameras` health-checked cameras: each checkout and return
// docks one camera pending offload, so every cycle of the writer needs a fresh one.
void make_camera_room(const TempDir& dir, const std::string& db, int cameras) {
    ASSERT_EQ(ctl(db, {"init", "--slots", std::to_string(cameras)}).exit_code, 0);
    write_file(dir.file("units.csv"), "code,name,allocation_class\nJJ01,交警一大队,A\n");
    write_file(dir.file("officer.csv"), "number,name,unit_code\n010001,张伟,JJ01\n");
    write_file(dir.file("badge.csv"), "uid,officer_number\n04A23B11,010001\n");
    std::string devices = "serial,kind,brand,model,unit_code,slot\n";
    for (int i = 1; i <= cameras; ++i)
        devices += "CAM-" + std::to_string(100 + i) + ",body_camera,海康威视,DSJ,JJ01," + std::to_string(i) + "\n";
    write_file(dir.file("devices.csv"), devices);
    for (auto [kind, file] : {std::pair{"units", "units.csv"}, std::pair{"officers", "officer.csv"},
                              std::pair{"devices", "devices.csv"}, std::pair{"badges", "badge.csv"}})
        ASSERT_EQ(ctl(db, {"import", kind, dir.file(file)}).exit_code, 0) << kind;
    for (int i = 1; i <= cameras; ++i)
        ASSERT_EQ(ctl(db, {"health", "--device", "CAM-" + std::to_string(100 + i), "--battery", "95", "--free-mb",
                           "20000"})
                      .exit_code,
                  0);
}

TEST_F(BackupTest, ABackupTakenWhileAnotherProcessWritesRestoresToAVerifiedDatabase) {
    constexpr int kCameras = 30;
    fs::create_directories(live());
    ASSERT_NO_FATAL_FAILURE(make_camera_room(dir_, db(), kCameras));
    std::atomic<bool> stop{false}, writer_done{false};
    std::atomic<int> cycles{0};
    std::string writer_failure;  // read only after the writer is joined
    // The kiosk: checkout, return and a health check, over and over, each a process of its own.
    std::thread writer([&] {
        const std::regex took("takes (\\S+) slot (\\d+)");
        for (int i = 0; i < kCameras && !stop; ++i) {
            auto out = run({"checkout", "--badge", "04A23B11"});
            std::smatch m;
            if (out.exit_code != 0 || !std::regex_search(out.out, m, took)) {
                writer_failure = "checkout: " + out.out + out.err;
                break;
            }
            const std::string serial = m[1], slot = m[2];
            auto back = run({"return", "--device", serial, "--slot", slot});
            auto health = run({"health", "--device", serial, "--battery", "70", "--free-mb", "15000"});
            if (back.exit_code != 0 || health.exit_code != 0) {
                writer_failure = "return/health: " + back.out + back.err + health.out + health.err;
                break;
            }
            ++cycles;
        }
        writer_done = true;
    });
    auto wait_for_cycles = [&](int n) {
        while (cycles < n && !writer_done) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    };
    wait_for_cycles(1);
    std::vector<std::string> taken;
    for (int i = 0; i < 4; ++i) {
        taken.push_back(backup_into(backups()));
        wait_for_cycles(cycles + 1);  // at least one more write between two backups, and after the last
    }
    stop = true;
    writer.join();
    ASSERT_TRUE(writer_failure.empty()) << writer_failure;
    ASSERT_GE(cycles, 5) << "the writer ran throughout";

    std::int64_t last_head = 0;
    for (std::size_t i = 0; i < taken.size(); ++i) {
        ASSERT_FALSE(taken[i].empty());
        const std::string other = dir_.file("restored-" + std::to_string(i) + "/custody.db");
        auto back = ctl(other, {"--archive", dir_.file("restored-" + std::to_string(i) + "/archive"), "restore",
                                "--from", taken[i]});
        ASSERT_EQ(back.exit_code, 0) << back.out << back.err;
        auto verify = ctl(other, {"verify"});
        EXPECT_EQ(verify.exit_code, 0) << taken[i] << ": " << verify.out << verify.err;
        const auto head = sql_int(other, "SELECT max(seq) FROM audit_log;");
        EXPECT_GT(head, last_head) << "each backup is a later snapshot";
        last_head = head;
        // Every checkout in the snapshot is either still out or closed by its return.
        EXPECT_EQ(sql_int(other, "SELECT count(*) FROM custody_entries WHERE kind='checkout';") -
                      sql_int(other, "SELECT count(*) FROM custody_entries WHERE kind='return';"),
                  sql_int(other, "SELECT count(*) FROM devices WHERE status='out';"));
    }
    EXPECT_GT(sql_int(db(), "SELECT max(seq) FROM audit_log;"), last_head) << "the writer went on after the last backup";
    EXPECT_EQ(run({"verify"}).exit_code, 0);
}

TEST_F(BackupTest, ADamagedBackupIsRefusedNamingTheFileAndNothingIsTouched) {
    ASSERT_NO_FATAL_FAILURE(make_live_with_footage());
    const std::string folder = backup_into(backups());
    ASSERT_FALSE(folder.empty());
    const std::string damaged = flip_one_byte(folder + "/archive/" + some_archived_file(db()));
    const std::string before = db_bytes();

    for (bool force : {false, true}) {
        std::vector<std::string> args = {"restore", "--from", folder};
        if (force) args.push_back("--force");
        auto r = run(args);
        EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
        EXPECT_TRUE(contains(r.err, "The backup file " + damaged + " is damaged")) << r.err;
    }
    auto zh = run({"restore", "--from", folder}, "zh");
    EXPECT_TRUE(contains(zh.err, "已损坏")) << zh.err;
    EXPECT_EQ(db_bytes(), before);
    EXPECT_TRUE(replaced_beside(live()).empty());
    EXPECT_EQ(run({"verify", "--archive"}).exit_code, 0);

    // The database copy itself, too.
    const std::string folder2 = backup_into(backups());
    flip_one_byte(folder2 + "/custody.db");
    auto r = run({"restore", "--from", folder2, "--force"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_TRUE(contains(r.err, folder2 + "/custody.db is damaged")) << r.err;
    EXPECT_EQ(db_bytes(), before);
}

TEST_F(BackupTest, AnIncompleteBackupIsRefusedAndNothingIsTouched) {
    ASSERT_NO_FATAL_FAILURE(make_live_with_footage());
    const std::string folder = backup_into(backups());
    ASSERT_FALSE(folder.empty());
    const std::string before = db_bytes();

    // A file the MANIFEST lists that is gone.
    const std::string gone = folder + "/archive/" + some_archived_file(db());
    const std::string kept = read_file(gone);
    fs::remove(gone);
    auto missing = run({"restore", "--from", folder, "--force"});
    EXPECT_EQ(missing.exit_code, 1) << missing.err;
    EXPECT_TRUE(contains(missing.err, "The backup file " + gone + " is missing")) << missing.err;
    write_file(gone, kept);

    // No MANIFEST: a backup that never completed.
    fs::remove(folder + "/MANIFEST");
    auto r = run({"restore", "--from", folder, "--force"});
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_TRUE(contains(r.err, folder + " has no MANIFEST: it is an incomplete backup")) << r.err;
    EXPECT_EQ(db_bytes(), before);
    EXPECT_TRUE(replaced_beside(live()).empty());
}

TEST_F(BackupTest, RestoreOntoAnExistingDatabaseNeedsForceAndKeepsTheOldOneAside) {
    ASSERT_TRUE(make_small_history(dir_, db()));
    const std::string folder = backup_into(backups());
    ASSERT_FALSE(folder.empty());
    const auto entries_in_backup = sql_int(db(), "SELECT max(seq) FROM audit_log;");
    ASSERT_EQ(run({"checkout", "--badge", "04A23B12"}).exit_code, 0);  // written after the backup
    const auto entries_after = sql_int(db(), "SELECT max(seq) FROM audit_log;");
    ASSERT_GT(entries_after, entries_in_backup);
    const std::string before = db_bytes();

    auto refused = run({"restore", "--from", folder});
    EXPECT_EQ(refused.exit_code, 1) << refused.out << refused.err;
    EXPECT_TRUE(contains(refused.err, "already exists and was not replaced: add --force")) << refused.err;
    EXPECT_EQ(db_bytes(), before);

    auto forced = run({"restore", "--from", folder, "--force"});
    ASSERT_EQ(forced.exit_code, 0) << forced.out << forced.err;
    EXPECT_TRUE(contains(forced.out, "Kept the existing " + db() + " as " + db() + ".replaced-")) << forced.out;
    EXPECT_EQ(sql_int(db(), "SELECT max(seq) FROM audit_log;"), entries_in_backup);
    EXPECT_EQ(run({"verify"}).exit_code, 0);

    // What was replaced is all there, and still verifies with its own key and anchor.
    std::string old_db, old_key;
    for (const auto& p : replaced_beside(live())) {
        const std::string name = fs::path(p).filename().string();
        if (name.rfind("custody.db.replaced-", 0) == 0 && !contains(name, "-wal") && !contains(name, "-shm")) old_db = p;
        if (name.rfind("custody.db.key.replaced-", 0) == 0) old_key = p;
    }
    ASSERT_FALSE(old_db.empty()) << forced.out;
    ASSERT_FALSE(old_key.empty()) << forced.out;
    const std::string stamp = old_db.substr(old_db.find(".replaced-"));
    ASSERT_TRUE(fs::exists(db() + ".head" + stamp)) << forced.out;
    // The anchor is found beside the database as <db>.head: put the aside set together.
    const std::string check = dir_.file("aside");
    fs::create_directories(check);
    fs::copy_file(old_db, check + "/custody.db");
    if (fs::exists(old_db + "-wal")) fs::copy_file(old_db + "-wal", check + "/custody.db-wal");
    fs::copy_file(old_key, check + "/custody.db.key");
    fs::copy_file(db() + ".head" + stamp, check + "/custody.db.head");
    auto old_verify = ctl(check + "/custody.db", {"verify"});
    EXPECT_EQ(old_verify.exit_code, 0) << old_verify.out << old_verify.err;
    EXPECT_EQ(sql_int(check + "/custody.db", "SELECT max(seq) FROM audit_log;"), entries_after);
}

TEST_F(BackupTest, UnchangedArchiveFilesAreHardLinkedToTheEarlierBackup) {
    ASSERT_NO_FATAL_FAILURE(make_live_with_footage());
    const std::string first = backup_into(backups());
    auto r = run({"backup", "--to", backups()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto archived = sql_int(db(), "SELECT count(*) FROM recordings WHERE archive_path <> '';");
    EXPECT_TRUE(contains(r.out, std::to_string(archived) + " archive files unchanged since the backup " + first))
        << r.out;
    struct stat st {};
    ASSERT_EQ(::stat((first + "/archive/" + some_archived_file(db())).c_str(), &st), 0);
    EXPECT_EQ(st.st_nlink, 2u);
    for (const auto& folder : backup_folders()) {
        auto sums = run_command({"sh", "-c", "cd '" + folder + "' && sha256sum --quiet -c MANIFEST"});
        EXPECT_EQ(sums.exit_code, 0) << folder << ": " << sums.out << sums.err;
    }
}

TEST_F(BackupTest, AFullBackupDiskFailsClearlyAndLeavesNoCompleteLookingFolder) {
    ASSERT_NO_FATAL_FAILURE(make_live_with_footage());
    std::string why;
    auto small = ScratchMount::tmpfs(dir_.file("small"), "size=1m", why);
    ASSERT_TRUE(small) << why;
    auto r = run({"backup", "--to", small->path().string()});
    EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
    EXPECT_TRUE(contains(r.err, "The backup disk is full")) << r.err;
    EXPECT_TRUE(contains(r.err, "the partial backup folder")) << r.err;
    EXPECT_FALSE(contains(r.out, "Backup complete")) << r.out;
    for (const auto& e : fs::recursive_directory_iterator(small->path()))
        EXPECT_NE(e.path().filename().string(), "MANIFEST") << e.path();
    EXPECT_TRUE(fs::is_empty(small->path()));
    auto zh = run({"backup", "--to", small->path().string()}, "zh");
    EXPECT_EQ(zh.exit_code, 4);
    EXPECT_TRUE(contains(zh.err, "备份盘空间不足")) << zh.err;
}

TEST_F(BackupTest, AMissingOrReadOnlyTargetIsRefusedWithAClearMessage) {
    ASSERT_TRUE(make_small_agency(dir_, db()));
    auto missing = run({"backup", "--to", dir_.file("no-such-disk")});
    EXPECT_EQ(missing.exit_code, 4);
    EXPECT_TRUE(contains(missing.err, "The backup target " + dir_.file("no-such-disk") + " does not exist")) << missing.err;
    auto zh = run({"backup", "--to", dir_.file("no-such-disk")}, "zh");
    EXPECT_TRUE(contains(zh.err, "不存在")) << zh.err;

    std::string why;
    auto ro = ScratchMount::tmpfs(dir_.file("ro"), "ro,size=1m", why);
    ASSERT_TRUE(ro) << why;
    auto r = run({"backup", "--to", ro->path().string()});
    EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
    EXPECT_TRUE(contains(r.err, "Cannot write to the backup target " + ro->path().string())) << r.err;
    EXPECT_FALSE(fs::exists(dir_.file("no-such-disk")));
    EXPECT_EQ(run({"backup"}).exit_code, 2);
}

}  // namespace
}  // namespace custody::test
