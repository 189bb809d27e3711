#include "tests/cli/footage_fixture.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace custody::test {

namespace {

::testing::AssertionResult ok(const CommandResult& r, const std::string& what) {
    if (r.exit_code == 0) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << what << " exited " << r.exit_code << ": " << r.err << r.out;
}

std::vector<std::string> ffmpeg_input(const std::string& name) {
    auto ends = [&](const char* ext) { return name.size() > 4 && name.compare(name.size() - 4, 4, ext) == 0; };
    if (ends(".WAV")) return {"-f", "lavfi", "-i", "sine=duration=1"};
    if (ends(".JPG")) return {"-f", "lavfi", "-i", "testsrc=size=160x120", "-frames:v", "1"};
    return {"-f", "lavfi", "-i", "testsrc=duration=1:size=160x120:rate=10", "-c:v", "mpeg4"};
}

}  // namespace

std::string quoted(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

CommandResult shell(const std::string& script) { return run_command({"/bin/sh", "-c", script}); }

::testing::AssertionResult FootageTest::offload(const std::vector<std::string>& files) {
    if (auto r = make_small_agency(dir_, db()); !r) return r;
    if (auto r = ok(run({"checkout", "--badge", "04A23B11"}), "checkout"); !r) return r;
    serial_ = sql_text(db(), "SELECT d.serial FROM custody_entries c JOIN devices d ON d.id=c.device_id WHERE c.id=1;");
    const std::string slot = sql_text(db(), "SELECT slot FROM custody_entries WHERE id=1;");
    const std::string cam = dir_.file("camera");
    if (auto r = ok(run_command({CAMERA_SIM_PATH, "init", cam, "--serial", serial_}), "camera-sim init"); !r) return r;
    for (const auto& f : files) {
        const fs::path out = fs::path(cam) / "volume" / f;
        fs::create_directories(out.parent_path());
        std::vector<std::string> argv = {"ffmpeg", "-hide_banner", "-loglevel", "error", "-y"};
        for (auto& a : ffmpeg_input(f)) argv.push_back(a);
        argv.push_back(out.string());
        if (auto r = ok(run_command(argv), "ffmpeg " + f); !r) return r;
    }
    const std::string conf = dir_.file("kiosk.conf");
    write_file(conf, "[camera]\nlibrary = " GAT947_SIM_PATH "\npassword = 123456\nmount_timeout_ms = 0\n[slot." + slot +
                         "]\ninit_code = SIM-DSJ1@" + cam + "\nmount_path = " + cam + "/volume\n");
    if (auto r = ok(run({"return", "--device", serial_, "--slot", slot, "--config", conf}), "return"); !r) return r;
    const auto committed = sql_int(db(), "SELECT count(*) FROM recordings WHERE state IN ('committed','wiped');");
    if (committed != static_cast<std::int64_t>(files.size()))
        return ::testing::AssertionFailure() << committed << " recordings committed, not " << files.size();
    return ::testing::AssertionSuccess();
}

std::int64_t FootageTest::recording_id(const std::string& name) {
    return sql_int(db(), "SELECT id FROM recordings WHERE source_path LIKE '%" + name + "';");
}

std::string FootageTest::archive_path(std::int64_t recording) {
    return archive() + "/" +
           sql_text(db(), "SELECT archive_path FROM recordings WHERE id=" + std::to_string(recording) + ";");
}

std::string FootageTest::job_folder(std::int64_t recording) {
    return archive() + "/" + sql_text(db(), "SELECT j.archive_dir FROM recordings r "
                                            "JOIN offload_jobs j ON j.id=r.job_id WHERE r.id=" +
                                                std::to_string(recording) + ";");
}

void FootageTest::backdate(std::int64_t recording, int days) {
    // The commit time is what retention counts from, so the schema fixes it once set; the
    // setup lifts that guard for its one update and puts it back exactly as it was.
    const std::string guard = sql_text(db(), "SELECT replace(sql, char(10), ' ') FROM sqlite_master WHERE name='recordings_fixed';");
    ASSERT_FALSE(guard.empty());
    auto r = sqlite_shell(db(), "BEGIN; DROP TRIGGER recordings_fixed; UPDATE recordings SET committed_at_ms = "
                                "committed_at_ms - " + std::to_string(static_cast<std::int64_t>(days) * 86400000) +
                                    " WHERE id=" + std::to_string(recording) + "; " + guard + "; COMMIT;");
    ASSERT_EQ(r.exit_code, 0) << r.err;
}

std::string FootageTest::recordings_snapshot() {
    auto r = sqlite_shell(db(), "SELECT * FROM recordings ORDER BY id;");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
}

std::string FootageTest::last_audit(const std::string& action) {
    return sql_text(db(), "SELECT actor || '|' || subject || '|' || detail FROM audit_log WHERE action='" + action +
                              "' ORDER BY seq DESC LIMIT 1;");
}

}  // namespace custody::test
