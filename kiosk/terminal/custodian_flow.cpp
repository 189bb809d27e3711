// Custodian mode: a custodian badge and a PIN (locked out after repeated wrong PINs),
// then the slot grid, a device's detail and history, quarantine and release (R9), the
// inventory reconciliation, and the interruption records waiting for review (R13).
#include "kiosk/core/custodian_login.h"
#include "kiosk/core/device_quarantine.h"
#include "kiosk/core/interruption_review.h"
#include "kiosk/core/inventory_reconciliation.h"
#include "kiosk/core/log.h"
#include "kiosk/terminal/kiosk_terminal.h"
#include "kiosk/terminal/reconciliation_text.h"

namespace custody::terminal {

namespace {
constexpr std::size_t kMaxPinDigits = 8;
constexpr int kHistoryLines = 20;
}  // namespace

void KioskTerminal::tap_custodian() {
    show(Screen::CustodianBadge);
    emit();
}

void KioskTerminal::tap_pin_digit(char digit) {
    touch();
    if (view_.screen != Screen::CustodianPin || !view_.pin || digit < '0' || digit > '9') return;
    if (pin_.size() < kMaxPinDigits) pin_.push_back(digit);
    view_.pin->digits = static_cast<int>(pin_.size());
    view_.pin->error.reset();
    emit();
}

void KioskTerminal::tap_pin_back() {
    touch();
    if (!pin_.empty()) pin_.pop_back();
    if (view_.pin) view_.pin->digits = static_cast<int>(pin_.size());
    emit();
}

void KioskTerminal::tap_pin_enter() {
    touch();
    if (view_.screen != Screen::CustodianPin || !view_.pin) return;
    CustodianLogin login(parts_.store, parts_.clock);
    auto session = login.login(custodian_badge_, pin_);
    pin_.clear();
    view_.pin->digits = 0;
    if (!session) {
        view_.pin->error = session.error();
        emit();
        return;
    }
    view_.pin.reset();
    custodian_badge_.clear();
    view_.notice.reset();
    if (session->officer.role == Role::Finance) {
        // Finance staff see the finance screen only: no slot, no quarantine, no count.
        log_event(LogLevel::Info, "finance " + session->officer.number + " logged in",
                  LogFields{}.by_officer(session->officer.number));
        view_.finance_officer = session->officer;
        refresh_finance();
        show(Screen::Finance);
        emit();
        return;
    }
    log_event(LogLevel::Info, "custodian " + session->officer.number + " logged in",
              LogFields{}.by_officer(session->officer.number));
    view_.custodian = session->officer;
    refresh_cabinet();
    show(Screen::CustodianSlots);
    emit();
}

void KioskTerminal::tap_back() {
    if (view_.finance_officer) {
        refresh_finance();
        show(Screen::Finance);
        return emit();
    }
    if (!view_.custodian) return go_idle(), emit();
    view_.detail.reset();
    view_.reconciliation.reset();
    view_.notice.reset();
    refresh_cabinet();
    show(Screen::CustodianSlots);
    emit();
}

void KioskTerminal::tap_slot(int slot) {
    if (!view_.custodian) return;
    touch();
    view_.notice.reset();
    view_.detail.reset();
    for (const auto& t : view_.tiles) {
        if (t.slot != slot) continue;
        if (!t.docked) {
            view_.notice = Error(MessageId::KioskSlotHasNoDevice, {std::to_string(slot)});
            emit();
            return;
        }
        view_.detail = DeviceDetailView{t, t.docked->device, {}};
    }
    if (!view_.detail) return;
    refresh_detail();
    show(Screen::DeviceDetail);
    emit();
}

void KioskTerminal::refresh_detail() {
    if (!view_.detail) return;
    const int slot = view_.detail->tile.slot;
    refresh_cabinet();
    for (const auto& t : view_.tiles)
        if (t.slot == slot) view_.detail->tile = t;
    if (view_.detail->tile.docked) view_.detail->device = view_.detail->tile.docked->device;
    auto history = parts_.history.of_device(view_.detail->device.serial, kHistoryLines);
    if (history)
        view_.detail->history = std::move(*history);
    else
        view_.notice = history.error();
}

void KioskTerminal::tap_quarantine() {
    if (!view_.custodian || !view_.detail) return;
    touch();
    DeviceQuarantine q(parts_.store, parts_.clock);
    const std::string serial = view_.detail->device.serial;
    auto done = q.quarantine(serial, "保管员在终端隔离 / quarantined at the kiosk by the custodian", view_.custodian->number);
    view_.notice = done ? Error(MessageId::KioskDeviceQuarantined, {serial}) : done.error();
    refresh_detail();
    emit();
}

void KioskTerminal::tap_release() {
    if (!view_.custodian || !view_.detail) return;
    touch();
    DeviceQuarantine q(parts_.store, parts_.clock);
    const std::string serial = view_.detail->device.serial;
    auto done = q.release(serial, view_.custodian->number);
    view_.notice = done ? Error(MessageId::KioskDeviceReleased, {serial}) : done.error();
    refresh_detail();
    emit();
}

void KioskTerminal::tap_retry_offload() {
    if (!view_.custodian || !view_.detail) return;
    touch();
    const int slot = view_.detail->tile.slot;
    OffloadRequest request;
    request.slot = slot;
    request.actor = view_.custodian->number;
    request.return_entry_id = return_awaiting_offload(view_.detail->device.serial);
    failed_offloads_.erase(slot);
    view_.notice = parts_.offloads.submit(request) ? Error(MessageId::KioskOffloadRetried, {std::to_string(slot)})
                                                   : Error(MessageId::KioskOffloadRunning, {std::to_string(slot)});
    refresh_detail();
    emit();
}

void KioskTerminal::tap_reconcile() {
    if (!view_.custodian) return;
    touch();
    InventoryReconciliation rec(parts_.store, parts_.clock);
    auto preview = rec.preview(parts_.cabinet.slots());
    view_.notice.reset();
    if (!preview) {
        view_.notice = preview.error();
        emit();
        return;
    }
    view_.reconciliation = reconciliation_view(*preview, view_.lang);
    show(Screen::Reconciliation);
    emit();
}

void KioskTerminal::tap_save_reconciliation() {
    if (!view_.custodian || view_.screen != Screen::Reconciliation) return;
    touch();
    InventoryReconciliation rec(parts_.store, parts_.clock);
    auto saved = rec.save(parts_.cabinet.slots(), view_.custodian->number);
    if (!saved) {
        view_.notice = saved.error();
        emit();
        return;
    }
    view_.reconciliation = reconciliation_view(*saved, view_.lang);
    view_.reconciliation->saved_id = saved->id;
    view_.notice = Error(MessageId::KioskReconciliationSaved, {std::to_string(saved->id)});
    emit();
}

void KioskTerminal::refresh_pending_interruptions() {
    view_.pending_interruptions.clear();
    InterruptionReview review(parts_.store, parts_.clock);
    auto pending = review.pending();
    if (!pending) {
        view_.notice = pending.error();
        return;
    }
    auto tx = parts_.store.begin();
    for (const auto& r : *pending) {
        PendingInterruptionView v{r, ""};
        if (tx)
            if (auto o = (*tx)->officer(r.officer_id); o && *o) v.officer_name = (*o)->name + "（" + (*o)->number + "）";
        view_.pending_interruptions.push_back(std::move(v));
    }
}

void KioskTerminal::tap_interruptions() {
    if (!view_.custodian) return;
    touch();
    view_.notice.reset();
    refresh_pending_interruptions();
    show(Screen::Interruptions);
    emit();
}

void KioskTerminal::tap_approve(Id record_id) {
    if (!view_.custodian || view_.screen != Screen::Interruptions) return;
    touch();
    InterruptionReview review(parts_.store, parts_.clock);
    auto done = review.approve(record_id, *view_.custodian, "");
    refresh_pending_interruptions();
    view_.notice = done ? Error(MessageId::KioskInterruptionApproved, {std::to_string(record_id)}) : done.error();
    emit();
}

}  // namespace custody::terminal
