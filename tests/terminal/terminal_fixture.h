#pragma once
// The kiosk's presenter wired as kiosk/ui/kiosk_rig.cpp wires it, with every part real
// but the hardware: cabinet-sim over loopback Modbus TCP and its monitor, the simulated
// GA/T 947.4 cameras, the SQLite store, the disk archive and the offload pool, the
// ledger's history read through its own connection. Only the display is missing: the
// test thread is the UI thread, and what BackgroundWork posts back waits in a queue
// until the test runs it.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "kiosk/core/cabinet_checkout.h"
#include "kiosk/core/dock_arrival.h"
#include "kiosk/core/offload_pool.h"
#include "kiosk/terminal/kiosk_terminal.h"
#include "kiosk/ui/ledger_history.h"
#include "tests/offload/offload_fixture.h"

namespace custody::test {

// Only guards against a hang; no test depends on how long anything takes.
inline constexpr std::chrono::seconds kHangGuard{30};

// PostToUi for a test: tasks wait here until the test thread runs them.
class UiQueue {
public:
    terminal::PostToUi poster();
    // Runs posted tasks on the calling thread until `done` holds; false when it still
    // does not after `limit`.
    bool run_until(const std::function<bool()>& done, std::chrono::milliseconds limit = kHangGuard);
    // Runs what has been posted so far.
    void run_pending();
    // Drops what is queued (at tear-down, before the terminal goes).
    void discard();

private:
    std::mutex mutex_;
    std::condition_variable posted_;
    std::deque<terminal::UiTask> tasks_;
};

class TerminalFixture : public OffloadFixture {
protected:
    void TearDown() override;

    // cabinet-sim with `slots` slots, a camera in each of `docked`, the real Modbus
    // adapter and a monitor that has seen them all; then the offload pool, the cabinet
    // checkout, the history and the background thread.
    void start_cabinet_with(int slots, const std::vector<int>& docked);
    void start_cabinet_with_three_cameras() { start_cabinet_with(3, {1, 2, 3}); }
    // The terminal over those parts (call start_cabinet_with first).
    void start_terminal();

    terminal::KioskTerminal& term() { return *terminal_; }
    const terminal::TerminalView& view() const { return terminal_->view(); }
    void tap(const std::string& badge) { terminal_->badge_tapped(BadgeTap{badge, store_.clock().now()}); }
    // Runs posted work until the screen is `s` (false if it never gets there).
    bool reaches(terminal::Screen s);
    // Every offload queued or running has finished, and a tick has collected the results.
    void offloads_finish_then_tick();
    // Advances the test clock and ticks once.
    void after_seconds(int s);

    // The simulator's own account of a slot: "ok door=open camera=present ... pulses=1".
    std::string sim_slot(int slot) { return sim_->command("status " + std::to_string(slot)); }
    void sim(const std::string& line);
    void wait_present(int slot, bool present);

    // A custodian's badge and PIN, and the login through the screens.
    void set_pin(const std::string& officer_number, const std::string& pin);
    void log_in_custodian(const std::string& badge, const std::string& pin);
    void type_pin(const std::string& pin);

    // 张伟 had DSJ0001 out of slot 1 (in the ledger) and docks it again with a file of
    // `bytes` on it: the real DockArrival's report of that docking.
    DockArrivalReport zhang_docks_cam1(std::size_t bytes = 2 * 1024 * 1024);
    // A tap of `badge` that ends on CheckoutIssued; returns the slot opened.
    int issued_by_tap(const std::string& badge);

    std::vector<std::string> ledger_kinds();
    std::int64_t officer_id(const std::string& number) { return officer(number).id; }

    CabinetCheckoutTimings checkout_timings_{std::chrono::milliseconds(3000), std::chrono::milliseconds(30000)};
    terminal::TerminalTimings terminal_timings_{};
    int changes_ = 0;  // calls of the terminal's `changed`

    UiQueue ui_;
    OffloadBoard board_;
    std::unique_ptr<OffloadPool> pool_;
    std::unique_ptr<CabinetCheckout> checkout_;
    std::unique_ptr<ui::LedgerHistory> history_;
    std::unique_ptr<terminal::BackgroundWork> work_;
    // The print buttons' parts; without them (the default) a tap finds no printer.
    terminal::ReportPrinting* printing_ = nullptr;
    std::unique_ptr<terminal::BackgroundWork> print_work_;
    std::unique_ptr<terminal::KioskTerminal> terminal_;

private:
    // The monitor's thread reports the cabinet going on- or offline to the terminal on
    // the UI thread, as the rig's bridge does.
    class CabinetBridge final : public CabinetListener {
    public:
        void connect(terminal::KioskTerminal* t, terminal::PostToUi post);
        void on_slot_changed(const std::optional<SlotStatus>&, const SlotStatus&) override {}
        void on_cabinet_online(const CabinetIdentity&) override;
        void on_cabinet_offline(const Error& why) override;

    private:
        void to_ui(std::function<void(terminal::KioskTerminal&)> f);
        std::mutex mutex_;
        terminal::KioskTerminal* terminal_ = nullptr;
        terminal::PostToUi post_;
    };
    CabinetBridge bridge_;
};

}  // namespace custody::test
