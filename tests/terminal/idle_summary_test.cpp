// The idle screen's tiles and counts, from the cabinet's live reading and the ledger
// (R7 ready, R8 charging, R9 faulty, R14 waiting for the offload).
#include <gtest/gtest.h>

#include <csignal>

#include "kiosk/core/checkout.h"
#include "kiosk/core/custody_return.h"
#include "kiosk/core/device_quarantine.h"
#include "kiosk/terminal/slot_tile.h"
#include "tests/terminal/terminal_fixture.h"

namespace custody::test {
namespace {

using terminal::SlotState;

class IdleSummaryTest : public TerminalFixture {
protected:
    // Five slots: DSJ0001 ready in 1, DSJ0002 short of charge in 2, DSJ0003 returned and
    // waiting for its offload in 3, DSJ0004 quarantined in 4, nothing in 5.
    void SetUp() override {
        TerminalFixture::SetUp();
        store_.import(RegistryKind::Devices,
                      "serial,kind,brand,model,firmware,unit_code,keeper_number,slot\n"
                      "DSJ0004,body_camera,海康威视,DSJ-K1,V2.1.0,ZD01,100004,4\n");
        store_.make_all_ready();
        HealthInput low = good_reading(kCam2);
        low.battery_pct = 40;  // below the profile's 80 %: charging, not ready (R8)
        store_.record_health(low);
        auto g = Checkout(store_.store(), store_.clock()).run({agency::kLiuBadge, std::nullopt, std::string(kCam3)});
        ASSERT_TRUE(g.ok()) << log_line(g.error());
        auto r = Return(store_.store(), store_.clock()).run({kCam3, 3, "kiosk"});
        ASSERT_TRUE(r.ok()) << log_line(r.error());
        auto q = DeviceQuarantine(store_.store(), store_.clock()).quarantine("DSJ0004", "外壳破损", "100004");
        ASSERT_TRUE(q.ok()) << log_line(q.error());
        start_cabinet_with(5, {1, 2, 3, 4});
    }

    std::vector<DockedDevice> docked() {
        auto tx = store_.store().begin();
        if (!tx) throw std::runtime_error(log_line(tx.error()));
        auto d = (*tx)->docked_devices();
        if (!d) throw std::runtime_error(log_line(d.error()));
        return *d;
    }
    AgencyProfile profile() {
        auto tx = store_.store().begin();
        if (!tx) throw std::runtime_error(log_line(tx.error()));
        auto p = (*tx)->profile();
        if (!p) throw std::runtime_error(log_line(p.error()));
        return *p;
    }
    static std::vector<SlotState> states(const std::vector<terminal::SlotTile>& tiles) {
        std::vector<SlotState> s;
        for (const auto& t : tiles) s.push_back(t.state);
        return s;
    }
};

TEST_F(IdleSummaryTest, EachSlotReadsAsTheCabinetAndTheLedgerHaveIt_R7_R8_R9_R14) {
    const auto tiles = terminal::slot_tiles(monitor_->slots(), docked(), {}, profile(), store_.clock().now());
    ASSERT_EQ(tiles.size(), 5u);
    EXPECT_EQ(states(tiles), (std::vector<SlotState>{SlotState::Ready, SlotState::Charging, SlotState::Offloading,
                                                     SlotState::Faulty, SlotState::Empty}));
    EXPECT_TRUE(tiles[0].problems.empty());
    ASSERT_FALSE(tiles[1].problems.empty());
    EXPECT_EQ(tiles[1].problems[0].id, MessageId::CheckBatteryLow);
    ASSERT_TRUE(tiles[2].docked.has_value());
    EXPECT_EQ(tiles[2].docked->device.serial, kCam3);
    EXPECT_FALSE(tiles[4].docked.has_value());

    const auto s = terminal::summarize(tiles, true);
    EXPECT_TRUE(s.online);
    EXPECT_EQ(s.ready, 1);
    EXPECT_EQ(s.charging, 1);
    EXPECT_EQ(s.offloading, 1);
    EXPECT_EQ(s.faulty, 1);
    EXPECT_EQ(s.empty, 1);
    EXPECT_EQ(s.unknown, 0);
}

TEST_F(IdleSummaryTest, ACameraTheLedgerDoesNotPlaceIsUnknownAndASlotFaultMakesTheSlotFaulty_R9) {
    sim("dock 5");             // nobody registered a camera for slot 5
    sim("fault 1 over-temp");  // the charger in slot 1 runs hot
    ASSERT_TRUE(cabinet_shows([](const SlotStatus& s) { return s.slot == 5 && s.camera_present; }));
    ASSERT_TRUE(monitor_->wait_until(
        [](const std::vector<SlotStatus>& slots) {
            return slots.size() == 5 && slots[0].charge == ChargeState::Fault && slots[4].camera_present;
        },
        kHangGuard));
    const auto tiles = terminal::slot_tiles(monitor_->slots(), docked(), {}, profile(), store_.clock().now());
    EXPECT_EQ(states(tiles), (std::vector<SlotState>{SlotState::Faulty, SlotState::Charging, SlotState::Offloading,
                                                     SlotState::Faulty, SlotState::Unknown}));
    ASSERT_FALSE(tiles[0].problems.empty());
    EXPECT_EQ(tiles[0].problems[0].id, MessageId::SlotOverTemperature);
    const auto s = terminal::summarize(tiles, true);
    EXPECT_EQ(s.ready, 0);
    EXPECT_EQ(s.faulty, 2);
    EXPECT_EQ(s.unknown, 1);
    EXPECT_EQ(s.empty, 0);
}

TEST_F(IdleSummaryTest, WhileTheCabinetIsOfflineTheLedgerAloneGivesTheTiles) {
    const auto tiles = terminal::slot_tiles({}, docked(), {}, profile(), store_.clock().now());
    ASSERT_EQ(tiles.size(), 4u);  // the ledger knows slots 1-4
    for (const auto& t : tiles) EXPECT_FALSE(t.cabinet.has_value()) << t.slot;
    EXPECT_EQ(states(tiles), (std::vector<SlotState>{SlotState::Ready, SlotState::Charging, SlotState::Offloading,
                                                     SlotState::Faulty}));
    EXPECT_FALSE(terminal::summarize(tiles, false).online);
}

TEST_F(IdleSummaryTest, AnOffloadRunningInASlotShowsOnItsTile_R14) {
    OffloadProgress p;
    p.slot = 1;
    p.device_serial = kCam1;
    p.phase = OffloadPhase::Copying;
    p.bytes_done = 10;
    p.bytes_total = 100;
    auto tiles = terminal::slot_tiles(monitor_->slots(), docked(), {{1, p}}, profile(), store_.clock().now());
    EXPECT_EQ(tiles[0].state, SlotState::Offloading);
    ASSERT_TRUE(tiles[0].offload.has_value());
    EXPECT_EQ(tiles[0].offload->bytes_done, 10);
    p.phase = OffloadPhase::Done;  // a finished offload leaves the camera ready again
    tiles = terminal::slot_tiles(monitor_->slots(), docked(), {{1, p}}, profile(), store_.clock().now());
    EXPECT_EQ(tiles[0].state, SlotState::Ready);
}

TEST_F(IdleSummaryTest, TheIdleViewCountsWhatTheCabinetAndTheLedgerSay) {
    start_terminal();
    term().tick();
    const auto& v = view();
    EXPECT_EQ(v.screen, terminal::Screen::Idle);
    EXPECT_TRUE(v.cabinet_online);
    ASSERT_EQ(v.tiles.size(), 5u);
    EXPECT_EQ(states(v.tiles), (std::vector<SlotState>{SlotState::Ready, SlotState::Charging, SlotState::Offloading,
                                                       SlotState::Faulty, SlotState::Empty}));
    EXPECT_TRUE(v.summary.online);
    EXPECT_EQ(v.summary.ready, 1);
    EXPECT_EQ(v.summary.charging, 1);
    EXPECT_EQ(v.summary.offloading, 1);
    EXPECT_EQ(v.summary.faulty, 1);
    EXPECT_EQ(v.summary.empty, 1);
    EXPECT_GT(changes_, 0);

    // The officer takes DSJ0001 from the ledger's point of view and the slot empties.
    auto g = Checkout(store_.store(), store_.clock()).run({agency::kZhangBadge, std::nullopt, std::string(kCam1)});
    ASSERT_TRUE(g.ok()) << log_line(g.error());
    sim("remove 1");
    wait_present(1, false);
    term().tick();
    EXPECT_EQ(view().tiles[0].state, SlotState::Empty);
    EXPECT_EQ(view().summary.ready, 0);
    EXPECT_EQ(view().summary.empty, 2);
}

TEST_F(IdleSummaryTest, TheViewShowsTheCabinetGoingOffline) {
    start_terminal();
    sim_->kill_and_reap(SIGKILL);
    ASSERT_TRUE(ui_.run_until([&] { return !view().cabinet_online; }));
    EXPECT_TRUE(view().cabinet_problem.has_value());
    term().tick();
    EXPECT_FALSE(view().summary.online);
    EXPECT_EQ(view().tiles.size(), 4u) << "the ledger's slots while the cabinet is offline";
}

}  // namespace
}  // namespace custody::test
