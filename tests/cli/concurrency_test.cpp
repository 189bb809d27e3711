// Several custodyctl processes on one database at once: the busy timeout makes writers
// wait for each other instead of failing with "database is locked", every write lands,
// a verify running alongside never mistakes a concurrent commit for tampering, and a
// rule that depends on the ledger (one camera per officer) holds under the race.
#include <gtest/gtest.h>

#include <atomic>
#include <regex>
#include <thread>

#include "tests/cli/cli_helpers.h"

namespace custody::test {
namespace {

struct Ran {
    std::vector<std::string> args;
    CommandResult result;
};

std::string describe(const Ran& r) {
    std::string s;
    for (const auto& a : r.args) s += a + " ";
    return s + "-> exit " + std::to_string(r.result.exit_code) + ": " + r.result.out + r.result.err;
}

bool mentions_locking(const std::string& err) {
    for (const char* w : {"locked", "busy", "占用"})
        if (err.find(w) != std::string::npos) return true;
    return false;
}

TEST(CliConcurrency, CheckoutsImportsAndVerifyAtOnceAllSucceed) {
    TempDir dir;
    const std::string db = dir.file("custody.db");
    constexpr int kCameras = 10, kBatches = 8, kPerBatch = 25;
    ASSERT_EQ(ctl(db, {"init", "--slots", "12"}).exit_code, 0);
    write_file(dir.file("units.csv"), "code,name,allocation_class\nJJ01,交警一大队,A\n");
    write_file(dir.file("officer.csv"), "number,name,unit_code\n010001,张伟,JJ01\n");
    write_file(dir.file("badge.csv"), "uid,officer_number\n04A23B11,010001\n");
    std::string devices = "serial,kind,brand,model,unit_code,slot\n";
    for (int i = 1; i <= kCameras; ++i)
        devices += "CAM-" + std::to_string(100 + i) + ",body_camera,海康威视,DSJ,JJ01," + std::to_string(i) + "\n";
    write_file(dir.file("devices.csv"), devices);
    for (auto [kind, file] : {std::pair{"units", "units.csv"}, std::pair{"officers", "officer.csv"},
                              std::pair{"devices", "devices.csv"}, std::pair{"badges", "badge.csv"}})
        ASSERT_EQ(ctl(db, {"import", kind, dir.file(file)}).exit_code, 0) << kind;
    for (int i = 1; i <= kCameras; ++i)
        ASSERT_EQ(
            ctl(db, {"health", "--device", "CAM-" + std::to_string(100 + i), "--battery", "95", "--free-mb", "20000"})
                .exit_code,
            0);
    for (int b = 0; b < kBatches; ++b) {
        std::string officers = "警号,姓名,单位代码\n", badges = "卡号,警号\n";
        for (int k = 0; k < kPerBatch; ++k) {
            const int n = 700000 + b * 100 + k;
            officers += std::to_string(n) + ",民警" + std::to_string(n) + ",JJ01\n";
            badges += "0C" + std::to_string(n) + "," + std::to_string(n) + "\n";
        }
        write_file(dir.file("officers-" + std::to_string(b) + ".csv"), officers);
        write_file(dir.file("badges-" + std::to_string(b) + ".csv"), badges);
    }
    const std::int64_t health_before = row_count(db, "health_checks");

    std::vector<Ran> kiosk, registrar, verifier;
    std::atomic<int> writers_left{2};
    auto run = [&](std::vector<Ran>& log, std::vector<std::string> args) -> const CommandResult& {
        log.push_back({args, ctl(db, args)});
        return log.back().result;
    };
    // Writer 1: the kiosk — checkout, return to the same slot, health check, ten times.
    std::thread kiosk_thread([&] {
        const std::regex took("takes (\\S+) slot (\\d+)");
        for (int i = 0; i < kCameras; ++i) {
            const CommandResult& out = run(kiosk, {"checkout", "--badge", "04A23B11"});
            std::smatch m;
            if (out.exit_code != 0 || !std::regex_search(out.out, m, took)) break;
            const std::string serial = m[1], slot = m[2];
            run(kiosk, {"return", "--device", serial, "--slot", slot});
            run(kiosk, {"health", "--device", serial, "--battery", "60", "--free-mb", "15000"});
        }
        --writers_left;
    });
    // Writer 2: the registrar — officer and badge imports.
    std::thread registrar_thread([&] {
        for (int b = 0; b < kBatches; ++b) {
            run(registrar, {"import", "officers", dir.file("officers-" + std::to_string(b) + ".csv")});
            run(registrar, {"import", "badges", dir.file("badges-" + std::to_string(b) + ".csv")});
        }
        --writers_left;
    });
    // A reader: verify, over and over, while both write.
    std::thread verify_thread([&] {
        while (writers_left > 0) run(verifier, {"verify"});
    });
    kiosk_thread.join();
    registrar_thread.join();
    verify_thread.join();

    ASSERT_EQ(kiosk.size(), 3u * kCameras);
    ASSERT_EQ(registrar.size(), 2u * kBatches);
    for (const auto* log : {&kiosk, &registrar, &verifier}) {
        for (const Ran& r : *log) {
            EXPECT_EQ(r.result.exit_code, 0) << describe(r);
            EXPECT_FALSE(mentions_locking(r.result.err)) << describe(r);
        }
    }
    EXPECT_FALSE(verifier.empty());

    EXPECT_EQ(row_count(db, "custody_entries"), 2 * kCameras);
    EXPECT_EQ(row_count(db, "health_checks"), health_before + kCameras);
    EXPECT_EQ(row_count(db, "officers"), 1 + kBatches * kPerBatch);
    EXPECT_EQ(row_count(db, "badges"), 1 + kBatches * kPerBatch);
    EXPECT_EQ(sql_int(db, "SELECT count(DISTINCT device_id) FROM custody_entries;"), kCameras);
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM audit_log WHERE action IN ('checkout_refused', 'import_rejected');"),
              0);
    auto verify = ctl(db, {"verify"});
    EXPECT_EQ(verify.exit_code, 0) << verify.err;
    EXPECT_NE(verify.out.find(std::to_string(2 * kCameras + health_before + kCameras) + " ledger records match"),
              std::string::npos)
        << verify.out;
}

TEST(CliConcurrency, R6_RacingCheckoutsWithOneBadgeIssueOneCamera) {
    // max_devices_per_officer is 1: four taps at once, one camera out, three refusals.
    TempDir dir;
    const std::string db = dir.file("custody.db");
    ASSERT_TRUE(make_small_agency(dir, db));
    constexpr int kTaps = 4;
    std::vector<CommandResult> results(kTaps);
    std::vector<std::thread> taps;
    for (int i = 0; i < kTaps; ++i)
        taps.emplace_back([&, i] {
            results[static_cast<std::size_t>(i)] = ctl(db, {"checkout", "--badge", "04A23B11"});
        });
    for (auto& t : taps) t.join();
    int granted = 0, refused = 0;
    for (const auto& r : results) {
        EXPECT_FALSE(mentions_locking(r.err)) << r.err;
        if (r.exit_code == 0) ++granted;
        if (r.exit_code == 1 && r.err.find("张伟 already holds device") != std::string::npos) ++refused;
    }
    EXPECT_EQ(granted, 1);
    EXPECT_EQ(refused, kTaps - 1);
    EXPECT_EQ(row_count(db, "custody_entries"), 1);
    EXPECT_EQ(sql_int(db, "SELECT count(*) FROM devices WHERE status='out';"), 1);
    EXPECT_EQ(ctl(db, {"verify"}).exit_code, 0);
}

}  // namespace
}  // namespace custody::test
