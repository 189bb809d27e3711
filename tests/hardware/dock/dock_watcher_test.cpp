// The whole docking path with every part real but the hardware: cabinet-sim serves the
// Modbus map, the real adapter and CabinetMonitor poll it, DockWatcher sees the camera
// arrive, DockArrival identifies it through the GA/T 947.4 adapter and the simulator
// library, returns it in the SQLite ledger and checks it (R5, R8, R9, R14).
#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

#include "kiosk/core/checkout.h"
#include "kiosk/core/dock_watcher.h"
#include "tests/hardware/dock/dock_fixture.h"

namespace custody::test {
namespace {

class RecordingDockEvents final : public DockEvents {
public:
    void on_docked(const DockArrivalReport& r) override {
        std::lock_guard lock(mutex_);
        docked_.push_back(r);
        cv_.notify_all();
    }
    void on_dock_failed(int slot, const Error& why) override {
        std::lock_guard lock(mutex_);
        failed_.emplace_back(slot, why);
        cv_.notify_all();
    }
    // Waits (generously: this bounds a hang, it measures nothing) for a report on `slot`.
    std::optional<DockArrivalReport> docked(int slot) {
        std::unique_lock lock(mutex_);
        std::optional<DockArrivalReport> found;
        cv_.wait_for(lock, std::chrono::seconds(10), [&] {
            for (const auto& r : docked_)
                if (r.slot == slot) found = r;
            return found.has_value();
        });
        return found;
    }
    std::optional<Error> failed(int slot) {
        std::unique_lock lock(mutex_);
        std::optional<Error> found;
        cv_.wait_for(lock, std::chrono::seconds(10), [&] {
            for (const auto& [s, e] : failed_)
                if (s == slot) found = e;
            return found.has_value();
        });
        return found;
    }
    std::size_t count() {
        std::lock_guard lock(mutex_);
        return docked_.size() + failed_.size();
    }

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<DockArrivalReport> docked_;
    std::vector<std::pair<int, Error>> failed_;
};

class DockWatcherTest : public DockFixture {
protected:
    void SetUp() override {
        DockFixture::SetUp();
        arrival_ = std::make_unique<DockArrival>(store_.store(), store_.clock(), *link_);
        watcher_ = std::make_unique<DockWatcher>(*arrival_, events_);
        start_cabinet(*watcher_);
    }
    void TearDown() override {
        monitor_.reset();  // no more slot events reach the watcher
        watcher_.reset();
        DockFixture::TearDown();
    }

    std::unique_ptr<DockArrival> arrival_;
    RecordingDockEvents events_;
    std::unique_ptr<DockWatcher> watcher_;
};

TEST_F(DockWatcherTest, ACameraDockedInTheCabinetIsReturnedAndChecked_R5_R14) {
    store_.make_all_ready();
    auto grant = Checkout(store_.store(), store_.clock()).run({agency::kZhangBadge, std::nullopt, std::nullopt});
    ASSERT_TRUE(grant.ok()) << log_line(grant.error());
    ASSERT_EQ(grant->slot, 1);
    monitor_->start();
    ASSERT_EQ(sim_->command("dock 1"), "ok");

    auto report = events_.docked(1);
    ASSERT_TRUE(report.has_value()) << "no arrival reported for slot 1";
    ASSERT_TRUE(report->returned.has_value());
    EXPECT_EQ(report->returned->officer->number, agency::kZhang);
    EXPECT_EQ(store_.entry(report->returned->entry_id).closes_id, grant->entry_id);
    EXPECT_TRUE(report->inspection.faults.empty()) << report->inspection.reading.fault;
    // The cabinet's own reading of the slot reached the check: the simulator charges at 1500 mA.
    EXPECT_EQ(report->inspection.device.status, DeviceStatus::Docked);
    EXPECT_EQ(store_.device(kCam1).status, DeviceStatus::Docked);
}

TEST_F(DockWatcherTest, AnOverheatingSlotQuarantinesTheCameraDockedInIt_R8_R9) {
    ASSERT_EQ(sim_->command("fault 2 over-temp"), "ok");
    monitor_->start();
    ASSERT_EQ(sim_->command("dock 2"), "ok");
    auto report = events_.docked(2);
    ASSERT_TRUE(report.has_value());
    EXPECT_FALSE(report->returned.has_value());  // it was in slot 2 all along
    ASSERT_FALSE(report->inspection.faults.empty());
    EXPECT_EQ(report->inspection.faults[0].id, MessageId::SlotOverTemperature);
    EXPECT_EQ(store_.device(kCam2).status, DeviceStatus::Quarantined);
}

TEST_F(DockWatcherTest, ABrokenChargeContactQuarantines_R8_R9) {
    ASSERT_EQ(sim_->command("fault 3 no-charge"), "ok");
    monitor_->start();
    ASSERT_EQ(sim_->command("dock 3"), "ok");
    auto report = events_.docked(3);
    ASSERT_TRUE(report.has_value());
    ASSERT_EQ(report->inspection.faults.size(), 1u) << report->inspection.reading.fault;
    EXPECT_EQ(report->inspection.faults[0].id, MessageId::SlotNoChargeCurrent);
    EXPECT_EQ(store_.device(kCam3).status, DeviceStatus::Quarantined);
}

TEST_F(DockWatcherTest, ACameraThatDoesNotAnswerIsReportedAsFailed) {
    camera(3).set("fault_unplugged", "1");
    monitor_->start();
    ASSERT_EQ(sim_->command("dock 3"), "ok");
    auto why = events_.failed(3);
    ASSERT_TRUE(why.has_value());
    EXPECT_EQ(why->id, MessageId::DockUnidentified);
}

TEST_F(DockWatcherTest, CamerasAlreadyInTheCabinetAtStartAreCheckedOnce) {
    ASSERT_EQ(sim_->command("dock 1"), "ok");
    ASSERT_EQ(sim_->command("dock 2"), "ok");
    const auto health = store_.count("health_checks");
    monitor_->start();
    ASSERT_TRUE(events_.docked(1).has_value());
    ASSERT_TRUE(events_.docked(2).has_value());
    // Later polls see the same cameras: no new arrivals. Wait until the monitor has seen
    // a door open and close elsewhere, so several polls have passed.
    ASSERT_EQ(sim_->command("open 3"), "ok");
    ASSERT_TRUE(cabinet_shows([](const SlotStatus& s) { return s.slot == 3 && !s.door_closed; }));
    ASSERT_EQ(sim_->command("close 3"), "ok");
    ASSERT_TRUE(cabinet_shows([](const SlotStatus& s) { return s.slot == 3 && s.door_closed; }));
    watcher_->drain();
    EXPECT_EQ(events_.count(), 2u);
    EXPECT_EQ(store_.count("health_checks"), health + 2);
}

}  // namespace
}  // namespace custody::test
