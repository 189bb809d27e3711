// The offload killed with SIGKILL at random points, over and over (R12, R15): after a
// restart every job completes, no recording is lost or archived twice, the camera was
// never wiped while any of its recordings was not committed, and the audit chain
// verifies. CUSTODY_KILL_RUNS sets the number of runs (the soak script raises it).
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <set>
#include <cstdlib>
#include <chrono>
#include <random>
#include <thread>

#include "db/audit_verifier.h"
#include "db/head_anchor.h"
#include "db/kiosk_key.h"
#include "tests/offload/offload_fixture.h"
#include "tests/support/child_process.h"
#include "tests/support/raw_db.h"

namespace custody::test {
namespace {

namespace fs = std::filesystem;

int kill_runs() {
    if (const char* e = std::getenv("CUSTODY_KILL_RUNS"); e && *e) return std::max(1, std::atoi(e));
    return 200;
}

class OffloadKill : public OffloadFixture {
protected:
    void SetUp() override {
        OffloadFixture::SetUp();
        shift_on_slot_1(Timestamp{SystemClock().now().ms - 3600 * kMsPerSecond}, SystemClock().now());
        // A few small files: a run is short, so many runs fit, and every step of each
        // file (listed, copying, verified, committed, wiped) is a place a kill can land.
        for (unsigned i = 0; i < 4; ++i) {
            const std::string name = "DCIM/100MEDIA/VID000" + std::to_string(i) + ".MP4";
            write_noise(camera(1).volume() / name, (256 + 128 * i) * 1024, 100 + i);
            original_[name] = sha256_of(camera(1).volume() / name);
        }
        store_.close();
        snapshot_ = base_.path() / "snapshot";
        fs::create_directories(snapshot_);
        for (const auto& e : fs::directory_iterator(fs::path(store_.db_path()).parent_path()))
            if (e.is_regular_file()) fs::copy_file(e.path(), snapshot_ / e.path().filename());
        fs::copy(camera(1).dir(), snapshot_ / "slot1", fs::copy_options::recursive);
        db_name_ = fs::path(store_.db_path()).filename().string();
        work_ = base_.path() / "work";
        conf_ = (base_.path() / "kiosk.conf").string();
        std::ofstream(conf_) << "[camera]\nlibrary = " GAT947_SIM_PATH "\npassword = 123456\nmount_timeout_ms = 0\n"
                             << "[slot.1]\ninit_code = SIM-DSJ1@" << (work_ / "slot1").string()
                             << "\nmount_path = " << (work_ / "slot1" / "volume").string() << "\n";
    }

    void restore() {
        fs::remove_all(work_);
        fs::create_directories(work_);
        for (const auto& e : fs::directory_iterator(snapshot_))
            if (e.is_regular_file()) fs::copy_file(e.path(), work_ / e.path().filename());
        fs::copy(snapshot_ / "slot1", work_ / "slot1", fs::copy_options::recursive);
    }
    std::string db() const { return (work_ / db_name_).string(); }
    std::string archive() const { return (work_ / "archive").string(); }
    std::vector<std::string> offload_argv() const {
        return {CUSTODYCTL_PATH, "--db", db(), "--archive", archive(), "--lang", "en", "offload", "--slot", "1",
                "--config", conf_};
    }
    std::string job_state() {
        RawDb raw(db());
        auto rows = raw.rows("SELECT state FROM offload_jobs");
        return rows.empty() ? "none" : rows[0][0];
    }
    std::vector<std::string> camera_files() {
        std::vector<std::string> out;
        const fs::path v = work_ / "slot1" / "volume";
        for (const auto& e : fs::recursive_directory_iterator(v))
            if (e.is_regular_file()) out.push_back(fs::relative(e.path(), v).string());
        return out;
    }

    // R15 at the instant of the kill: if anything has left the camera, every recording
    // of the job is committed and its archive copy is whole on disk.
    void expect_nothing_wiped_unless_all_committed(const std::string& where) {
        auto left = camera_files();
        if (left.size() == original_.size()) return;
        RawDb raw(db());
        auto rows = raw.rows("SELECT source_path, state, sha256, archive_path FROM recordings ORDER BY id");
        ASSERT_EQ(rows.size(), original_.size()) << where << ": a file left the camera before all were listed";
        std::vector<std::string> argv{"sha256sum"};
        for (const auto& r : rows) {
            EXPECT_TRUE(r[1] == "committed" || r[1] == "wiped") << where << ": " << r[0] << " is " << r[1]
                                                                  << " while the camera has been wiped";
            EXPECT_EQ(r[2], original_.at(r[0])) << where;
            argv.push_back((fs::path(archive()) / r[3]).string());
        }
        auto sums = run_command(argv);
        ASSERT_EQ(sums.exit_code, 0) << where << ": " << sums.err;
        for (const auto& r : rows) EXPECT_NE(sums.out.find(original_.at(r[0])), std::string::npos) << where << ": " << r[0];
    }

    void expect_complete_and_whole(const std::string& where) {
        RawDb raw(db());
        EXPECT_EQ(raw.scalar("SELECT count(*) FROM offload_jobs"), 1) << where;
        EXPECT_EQ(raw.scalar("SELECT count(*) FROM offload_jobs WHERE state='complete'"), 1) << where;
        auto rows = raw.rows("SELECT source_path, state, sha256, archive_path FROM recordings ORDER BY id");
        ASSERT_EQ(rows.size(), original_.size()) << where << ": lost or duplicated rows";
        std::set<std::string> expected_files{};
        std::string job_dir;
        for (const auto& r : rows) {
            EXPECT_EQ(r[1], "wiped") << where << ": " << r[0];
            EXPECT_EQ(r[2], original_.at(r[0])) << where << ": " << r[0];
            expected_files.insert(r[3]);
            job_dir = r[3].substr(0, r[3].size() - r[0].size() - 1);
        }
        expected_files.insert(job_dir + "/SHA256SUMS");
        std::set<std::string> found;
        for (const auto& e : fs::recursive_directory_iterator(archive()))
            if (e.is_regular_file()) found.insert(fs::relative(e.path(), archive()).string());
        EXPECT_EQ(found, expected_files) << where << ": the archive holds something else";
        EXPECT_TRUE(camera_files().empty()) << where;
        // coreutils re-reads every file against the job's SHA256SUMS, which must list
        // each original's hash.
        auto sums = run_command({"sh", "-c", "cd '" + archive() + "/" + job_dir + "' && sha256sum -c --quiet SHA256SUMS"});
        EXPECT_EQ(sums.exit_code, 0) << where << ": " << sums.out << sums.err;
        std::ifstream manifest(fs::path(archive()) / job_dir / "SHA256SUMS");
        std::string listed((std::istreambuf_iterator<char>(manifest)), std::istreambuf_iterator<char>());
        for (const auto& [name, sha] : original_)
            EXPECT_NE(listed.find(sha + "  " + name), std::string::npos) << where << ": " << name << " not in SHA256SUMS";
        auto conn = db::Connection::open(db(), db::Connection::Mode::ReadOnly);
        ASSERT_TRUE(conn.ok()) << log_line(conn.error());
        auto key = db::load_kiosk_key(db() + ".key");
        ASSERT_TRUE(key.ok()) << log_line(key.error());
        auto audit = db::verify_audit(**conn, *key, db::anchor_path_for(db()));
        ASSERT_TRUE(audit.ok()) << where << ": " << log_line(audit.error());
        EXPECT_TRUE(audit->intact()) << where << ": " << log_line(*audit->broken);
    }

    TempDir base_;
    fs::path snapshot_, work_;
    std::string db_name_, conf_;
    std::map<std::string, std::string> original_;
};

TEST_F(OffloadKill, KilledAnywhereItResumesWithNothingLostNothingDuplicatedNothingWipedEarly_R12_R15) {
    // How long one whole run takes here, so the kills spread over all of it.
    restore();
    const auto t0 = std::chrono::steady_clock::now();
    {
        ChildProcess whole(offload_argv());
        auto s = whole.wait();
        ASSERT_TRUE(s.exited && s.exit_code == 0) << "an uninterrupted offload failed";
    }
    const auto full_us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();
    expect_complete_and_whole("uninterrupted run");

    std::mt19937 gen(20261201);
    std::uniform_int_distribution<long> delay(0, full_us);
    std::map<std::string, int> landed;  // job state at the kill -> runs
    const int runs = kill_runs();
    // A loaded machine can bunch a handful of kills at the start or the end: a few more
    // runs, up to four times as many, until the kills have landed in the work itself.
    for (int i = 0; (i < runs || (landed.size() < 3 && i < 4 * runs)) && !HasFatalFailure(); ++i) {
        const std::string where = "run " + std::to_string(i);
        restore();
        {
            ChildProcess victim(offload_argv());
            std::this_thread::sleep_for(std::chrono::microseconds(delay(gen)));
            victim.kill_and_wait(SIGKILL);
        }
        expect_nothing_wiped_unless_all_committed(where);
        const std::string state = job_state();
        RawDb raw(db());
        landed[state + "/" + std::to_string(raw.scalar("SELECT count(*) FROM recordings WHERE state='wiped'")) +
               " wiped"]++;
        if (state != "complete") {
            ChildProcess rest(offload_argv());
            auto s = rest.wait();
            ASSERT_TRUE(s.exited && s.exit_code == 0) << where << ": the restarted offload did not complete";
        }
        expect_complete_and_whole(where);
    }
    std::string spread;
    for (const auto& [k, n] : landed) spread += k + ": " + std::to_string(n) + "; ";
    std::cout << "kills landed at: " << spread << '\n';
    // The point is to interrupt the work itself, not only the start or the end.
    EXPECT_GE(landed.size(), 3u) << spread;
}

}  // namespace
}  // namespace custody::test
