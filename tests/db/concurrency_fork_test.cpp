// Two processes (kiosk service and custodyctl) on one database file: each opens its own
// store; their writes interleave without loss and the audit chain stays intact.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

#include "db/audit_verifier.h"
#include "tests/support/checkout_helpers.h"

namespace custody::db {
namespace {

using namespace test::agency;
using test::StoreFixture;

constexpr int kRounds = 20;

// Runs in the child: registers officers and records readings, then exits with 0 on success.
[[noreturn]] void child_work(const StorePaths& paths) {
    ManualClock clock(test::kShiftStart);
    int failures = 0;
    {
        auto store = SqliteStore::open(paths, clock);
        if (!store) {
            std::fprintf(stderr, "child open: %s\n", log_line(store.error()).c_str());
            _exit(2);
        }
        for (int i = 0; i < kRounds; ++i) {
            std::string csv = "number,name,unit_code\n8" + std::to_string(10000 + i) + ",子进程" + std::to_string(i) + ",XJ02\n";
            auto r = RegistryImport(**store, clock, "custodyctl").run(RegistryKind::Officers, csv, "child.csv");
            if (!r) {
                std::fprintf(stderr, "child import: %s\n", log_line(r.error()).c_str());
                ++failures;
            }
            auto h = HealthCheck(**store, clock).record(test::good_reading("XJ-CAM-01"));
            if (!h) {
                std::fprintf(stderr, "child health: %s\n", log_line(h.error()).c_str());
                ++failures;
            }
            clock.advance_ms(kMsPerSecond);
        }
    }
    _exit(failures == 0 ? 0 : 1);
}

TEST(ConcurrencyFork, ParentAndChildProcessWriteTogether) {
    StoreFixture f;
    f.register_agency();
    f.make_all_ready();
    const auto audit0 = f.count("audit_log");
    const auto health0 = f.count("health_checks");
    const auto officers0 = f.count("officers");
    // No SQLite connection may cross fork(): close ours, and each process opens its own.
    f.close();

    std::fflush(nullptr);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) child_work(f.paths());

    int failures = 0;
    {
        ManualClock clock(test::kShiftStart);
        auto opened = SqliteStore::open(f.paths(), clock);
        ASSERT_TRUE(opened.ok()) << log_line(opened.error());
        SqliteStore& store = **opened;
        for (int i = 0; i < kRounds; ++i) {
            auto g = Checkout(store, clock).run({kZhangBadge, kLiBadge, std::nullopt});
            if (!g) {
                ADD_FAILURE() << "checkout " << i << ": " << log_line(g.error());
                ++failures;
                break;
            }
            clock.advance_ms(5 * 60 * kMsPerSecond);
            auto r = Return(store, clock).run({g->device.serial, g->slot, "kiosk"});
            auto o = OffloadCompletion(store).record({g->device.serial, 1, 1, "kiosk"});
            auto h = HealthCheck(store, clock).record(test::good_reading(g->device.serial));
            if (!r || !o || !h) {
                ADD_FAILURE() << "round " << i << " failed";
                ++failures;
                break;
            }
        }
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status)) << "child died";
    EXPECT_EQ(WEXITSTATUS(status), 0) << "child writes failed (see stderr)";
    ASSERT_EQ(failures, 0);

    f.reopen();
    EXPECT_EQ(f.count("custody_entries"), 2 * kRounds);
    EXPECT_EQ(f.count("officers"), officers0 + kRounds);
    EXPECT_EQ(f.count("health_checks"), health0 + 2 * kRounds);
    EXPECT_EQ(f.count("audit_log"), audit0 + 4 * kRounds + 2 * kRounds);
    auto rep = verify_audit(f.store().connection(), f.key(), f.anchor_path());
    ASSERT_TRUE(rep.ok());
    EXPECT_TRUE(rep->intact()) << log_line(*rep->broken);
    EXPECT_EQ(rep->entries, f.count("audit_log"));
    EXPECT_EQ(rep->records, f.count("custody_entries") + f.count("health_checks"));
}

}  // namespace
}  // namespace custody::db
