// Two connections on one database file (two kiosks, or a kiosk and custodyctl) writing
// at the same time: writers queue, nothing is lost, and the audit chain stays one chain.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "db/audit_verifier.h"
#include "tests/support/checkout_helpers.h"

namespace custody::db {
namespace {

using namespace test::agency;
using test::StoreFixture;

constexpr int kRounds = 25;

// One kiosk: check out, return into the same slot, offload, health check — kRounds times.
std::string kiosk_shift(CustodyStore& store, ManualClock& clock) {
    for (int i = 0; i < kRounds; ++i) {
        auto g = Checkout(store, clock).run({kZhangBadge, std::nullopt, std::nullopt});
        if (!g) return "checkout " + std::to_string(i) + ": " + log_line(g.error());
        clock.advance_ms(10 * 60 * kMsPerSecond);
        auto r = Return(store, clock).run({g->device.serial, g->slot, "kiosk"});
        if (!r) return "return: " + log_line(r.error());
        auto o = OffloadCompletion(store).record({g->device.serial, 1, 1, "kiosk"});
        if (!o) return "offload: " + log_line(o.error());
        auto h = HealthCheck(store, clock).record(test::good_reading(g->device.serial));
        if (!h) return "health: " + log_line(h.error());
    }
    return {};
}

// custodyctl at the same time: registers officers one file at a time, and the cabinet
// reports readings for the XJ02 camera.
std::string custodian_work(CustodyStore& store, ManualClock& clock) {
    for (int i = 0; i < kRounds; ++i) {
        std::string csv = "number,name,unit_code\n9" + std::to_string(10000 + i) + ",新警员" + std::to_string(i) + ",ZD01\n";
        auto r = RegistryImport(store, clock, "custodyctl").run(RegistryKind::Officers, csv, "o.csv");
        if (!r) return "import " + std::to_string(i) + ": " + log_line(r.error());
        auto h = HealthCheck(store, clock).record(test::good_reading("XJ-CAM-01"));
        if (!h) return "health: " + log_line(h.error());
        clock.advance_ms(kMsPerSecond);
    }
    return {};
}

TEST(ConcurrencyThreads, TwoConnectionsInterleaveWithoutLostWrites) {
    StoreFixture f;
    f.register_agency();
    f.make_all_ready();
    const auto audit0 = f.count("audit_log");
    const auto health0 = f.count("health_checks");
    const auto officers0 = f.count("officers");

    ManualClock clock_a(f.clock().now()), clock_b(f.clock().now());
    auto second = SqliteStore::open(f.paths(), clock_b);
    ASSERT_TRUE(second.ok()) << log_line(second.error());

    std::string err_a, err_b;
    std::thread a([&] { err_a = kiosk_shift(f.store(), clock_a); });
    std::thread b([&] { err_b = custodian_work(**second, clock_b); });
    a.join();
    b.join();
    EXPECT_EQ(err_a, "");
    EXPECT_EQ(err_b, "");
    second->reset();

    EXPECT_EQ(f.count("custody_entries"), 2 * kRounds);
    EXPECT_EQ(f.scalar("SELECT count(*) FROM custody_entries WHERE kind='return' AND closes_id IS NOT NULL"), kRounds);
    EXPECT_EQ(f.count("health_checks"), health0 + 2 * kRounds);
    EXPECT_EQ(f.count("officers"), officers0 + kRounds);
    EXPECT_EQ(f.count("audit_log"), audit0 + 4 * kRounds + 2 * kRounds);
    EXPECT_EQ(f.scalar("SELECT count(*) FROM devices WHERE status != 'in_service'"), 0);

    auto rep = verify_audit(f.store().connection(), f.key(), f.anchor_path());
    ASSERT_TRUE(rep.ok());
    EXPECT_TRUE(rep->intact()) << log_line(*rep->broken);
    EXPECT_EQ(rep->entries, f.count("audit_log"));
    EXPECT_EQ(rep->records, f.count("custody_entries") + f.count("health_checks"));
}

TEST(ConcurrencyThreads, TwoKiosksNeverIssueTheSameDeviceTwice) {
    StoreFixture f;
    f.register_agency();
    f.make_all_ready();
    ManualClock clock_b(f.clock().now());
    auto second = SqliteStore::open(f.paths(), clock_b);
    ASSERT_TRUE(second.ok());
    // Zhang, Li and Zhao (ZD01) race for two ZD01 cameras on two kiosks.
    std::atomic<int> granted{0}, refused{0};
    auto tap = [&](CustodyStore& store, const Clock& clock, const char* badge) {
        auto r = Checkout(store, clock).run({badge, std::nullopt, std::nullopt});
        (r ? granted : refused)++;
    };
    std::thread a([&] {
        tap(f.store(), f.clock(), kZhangBadge);
        tap(f.store(), f.clock(), kZhaoBadge);
    });
    std::thread b([&] { tap(**second, clock_b, kLiBadge); });
    a.join();
    b.join();
    second->reset();
    EXPECT_EQ(granted.load(), 2);
    EXPECT_EQ(refused.load(), 1);
    EXPECT_EQ(f.scalar("SELECT count(DISTINCT device_id) FROM custody_entries WHERE kind='checkout'"), 2);
    EXPECT_EQ(f.scalar("SELECT count(*) FROM devices WHERE status='out'"), 2);
    auto rep = verify_audit(f.store().connection(), f.key(), f.anchor_path());
    ASSERT_TRUE(rep.ok());
    EXPECT_TRUE(rep->intact());
}

}  // namespace
}  // namespace custody::db
