#pragma once
// What the kiosk does with a badge tap, a docked camera or a tap on the screen, as plain
// C++: every event and tap arrives here on the UI thread, slow hardware work goes to
// BackgroundWork, and the outcome comes back through PostToUi. The screens draw
// view() and forward taps; they decide nothing.

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/core/badge_reader.h"
#include "kiosk/core/cabinet_checkout.h"
#include "kiosk/core/cabinet_monitor.h"
#include "kiosk/core/dock_arrival.h"
#include "kiosk/core/offload_pool.h"
#include "kiosk/terminal/background_work.h"
#include "kiosk/terminal/device_history.h"
#include "kiosk/terminal/report_printing.h"
#include "kiosk/terminal/terminal_view.h"

namespace custody::terminal {

struct TerminalTimings {
    std::chrono::seconds back_to_idle{30};  // any screen, without a tap
    std::chrono::seconds logout{60};        // custodian mode, without a tap
};

struct TerminalParts {
    CustodyStore& store;
    const Clock& clock;
    CabinetMonitor& cabinet;
    CabinetCheckout& checkout;
    OffloadPool& offloads;
    OffloadBoard& board;
    DeviceHistory& history;
    BackgroundWork& work;
    PostToUi post;
    // The print buttons; without them a tap says there is no printer.
    ReportPrinting* printing = nullptr;
    BackgroundWork* print_work = nullptr;  // not `work`: a slow printer must not hold up a checkout
};

class KioskTerminal {
public:
    // `changed` is called on the UI thread after every change of view().
    KioskTerminal(TerminalParts parts, std::function<void()> changed, TerminalTimings timings = {});
    ~KioskTerminal();
    KioskTerminal(const KioskTerminal&) = delete;
    KioskTerminal& operator=(const KioskTerminal&) = delete;

    const TerminalView& view() const { return view_; }

    // Events, on the UI thread.
    void badge_tapped(const BadgeTap& tap);
    void reader_changed(ReaderState state, const Error& why);
    void cabinet_changed(bool online, const std::optional<Error>& why);
    void docked(const DockArrivalReport& report);
    void dock_failed(int slot, const Error& why);
    // Once a second: the clock, the countdowns, the offload progress, the time-outs.
    void tick();

    // Taps.
    void tap_language();
    void tap_home();  // back to Idle; logs a custodian out
    void tap_with_partner();
    void tap_custodian();
    void tap_pin_digit(char digit);
    void tap_pin_back();
    void tap_pin_enter();
    // Return questions: none, or an index into kFaultKinds / a reason (R9, R13).
    void tap_fault(std::optional<int> fault_kind);
    void tap_interruption(std::optional<InterruptionReason> reason);
    void tap_return_done();
    // Custodian mode.
    void tap_slot(int slot);
    void tap_back();  // from a custodian screen to the slot grid
    void tap_quarantine();
    void tap_release();
    void tap_retry_offload();
    void tap_reconcile();
    void tap_save_reconciliation();
    void tap_interruptions();
    void tap_approve(Id record_id);
    // Finance staff (R26): approve a case's liability as computed from the asset card.
    void tap_finance_approve(Id case_id);
    void tap_print(PrintableReport what);

private:
    void touch();  // a tap: the time-outs start again
    void show(Screen s);
    void go_idle();
    void refresh_cabinet();
    void collect_offload_results();
    void start_checkout(const std::string& badge, const std::optional<std::string>& partner);
    void issued(std::shared_ptr<const CabinetIssue> issue, const std::optional<Officer>& partner);
    void refuse(const Error& why);
    void show_next_return();
    void file_pending_interruptions();
    std::optional<Id> return_awaiting_offload(const std::string& serial) const;
    void refresh_detail();
    void refresh_pending_interruptions();
    void refresh_finance();
    bool custodian_screen() const { return privileged(view_.screen); }
    void emit();

    TerminalParts parts_;
    std::function<void()> changed_;
    TerminalTimings timings_;
    TerminalView view_;
    Timestamp last_touch_;
    std::string custodian_badge_;
    std::string pin_;
    std::string first_badge_;
    std::optional<Timestamp> taken_deadline_;
    std::deque<ReturnView> waiting_returns_;
    std::map<int, Error> failed_offloads_;
    // Device serial -> the return whose footage has not come off yet: an offload started
    // again (re-seated, retried) belongs to that return.
    std::map<std::string, Id> unoffloaded_returns_;
    struct UnfiledInterruption {
        Id return_entry_id = 0;
        std::string officer_number;
        InterruptionReason reason = InterruptionReason::Other;
        std::string basis;
    };
    std::deque<UnfiledInterruption> unfiled_;
    // Work posted back after this terminal is gone must not touch it.
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace custody::terminal
