#include "kiosk/terminal/kiosk_terminal.h"

#include "kiosk/core/log.h"

namespace custody::terminal {

bool privileged(Screen s) {
    switch (s) {
        case Screen::CustodianSlots:
        case Screen::DeviceDetail:
        case Screen::Reconciliation:
        case Screen::Interruptions:
        case Screen::Finance:
            return true;
        default:
            return false;
    }
}

const char* screen_code(Screen s) {
    switch (s) {
        case Screen::Idle: return "idle";
        case Screen::PartnerFirstBadge: return "partner-first";
        case Screen::PartnerSecondBadge: return "partner-second";
        case Screen::CheckoutWorking: return "checkout-working";
        case Screen::CheckoutIssued: return "checkout-issued";
        case Screen::CheckoutTaken: return "checkout-taken";
        case Screen::Refused: return "refused";
        case Screen::Return: return "return";
        case Screen::CustodianBadge: return "custodian-badge";
        case Screen::CustodianPin: return "custodian-pin";
        case Screen::CustodianSlots: return "custodian-slots";
        case Screen::DeviceDetail: return "device-detail";
        case Screen::Reconciliation: return "reconciliation";
        case Screen::Interruptions: return "interruptions";
        case Screen::Finance: return "finance";
    }
    return "?";
}

KioskTerminal::KioskTerminal(TerminalParts parts, std::function<void()> changed, TerminalTimings timings)
    : parts_(std::move(parts)), changed_(std::move(changed)), timings_(timings) {
    view_.lang = lang_from_environment();
    view_.now = parts_.clock.now();
    last_touch_ = view_.now;
    refresh_cabinet();
}

KioskTerminal::~KioskTerminal() { *alive_ = false; }

void KioskTerminal::emit() {
    if (changed_) changed_();
}

void KioskTerminal::touch() { last_touch_ = parts_.clock.now(); }

void KioskTerminal::show(Screen s) {
    view_.screen = s;
    touch();
}

void KioskTerminal::go_idle() {
    view_.custodian.reset();
    view_.finance_officer.reset();
    view_.finance.reset();
    view_.pin.reset();
    view_.detail.reset();
    view_.reconciliation.reset();
    view_.pending_interruptions.clear();
    view_.first_officer.reset();
    view_.checkout.reset();
    view_.refusal.reset();
    view_.returned.reset();
    view_.notice.reset();
    custodian_badge_.clear();
    pin_.clear();
    first_badge_.clear();
    taken_deadline_.reset();
    show(Screen::Idle);
    show_next_return();
}

void KioskTerminal::refuse(const Error& why) {
    log_event(LogLevel::Info, "kiosk refused: " + log_line(why));
    view_.refusal = why;
    show(Screen::Refused);
}

void KioskTerminal::refresh_cabinet() {
    view_.now = parts_.clock.now();
    view_.cabinet_online = parts_.cabinet.online();
    std::vector<DockedDevice> docked;
    AgencyProfile profile;
    auto tx = parts_.store.begin();
    if (tx) {
        auto d = (*tx)->docked_devices();
        auto p = (*tx)->profile();
        if (d && p) {
            docked = std::move(*d);
            profile = *p;
        } else {
            view_.notice = d ? p.error() : d.error();
        }
    } else {
        view_.notice = tx.error();
    }
    const auto board = parts_.board.snapshot();
    view_.tiles = slot_tiles(parts_.cabinet.slots(), docked, board, profile, view_.now);
    for (auto& t : view_.tiles)
        if (auto f = failed_offloads_.find(t.slot); f != failed_offloads_.end()) t.problems.push_back(f->second);
    view_.summary = summarize(view_.tiles, view_.cabinet_online);
    view_.offloads.clear();
    for (const auto& [slot, p] : board)
        if (p.phase != OffloadPhase::Done && p.phase != OffloadPhase::Failed) view_.offloads.push_back(p);
    if (view_.returned)
        if (auto it = board.find(view_.returned->slot); it != board.end()) view_.returned->offload = it->second;
}

void KioskTerminal::collect_offload_results() {
    for (auto& r : parts_.offloads.take_results()) {
        if (r.outcome) {
            failed_offloads_.erase(r.slot);
            unoffloaded_returns_.erase(r.outcome->job.device_serial);
        } else {
            failed_offloads_[r.slot] = r.outcome.error();
            log_event(LogLevel::Warning, "offload of slot " + std::to_string(r.slot) + " stopped: " +
                                             log_line(r.outcome.error()),
                      LogFields{}.at_slot(r.slot));
        }
        auto apply = [&](ReturnView& v) {
            if (v.slot != r.slot) return;
            v.offload_done = r.outcome.ok();
            if (!r.outcome) v.offload_error = r.outcome.error();
        };
        if (view_.returned) apply(*view_.returned);
        for (auto& w : waiting_returns_) apply(w);
    }
    file_pending_interruptions();
}

void KioskTerminal::tick() {
    collect_offload_results();
    refresh_cabinet();
    // A return docked while someone else was checking out waits for that checkout to end.
    show_next_return();
    const std::int64_t quiet_s = (view_.now.ms - last_touch_.ms) / kMsPerSecond;
    if (view_.screen == Screen::CheckoutIssued && view_.checkout && taken_deadline_) {
        view_.checkout->seconds_left =
            static_cast<int>(std::max<std::int64_t>(0, (taken_deadline_->ms - view_.now.ms + 999) / kMsPerSecond));
    }
    // Slow hardware steps end by themselves: their outcome decides the next screen.
    // So does a return whose footage is still coming off: the officer is watching its
    // progress, and the questions wait for it; the 30 s start once it has ended.
    const bool offload_showing = view_.screen == Screen::Return && view_.returned && !view_.returned->offload_done &&
                                 !view_.returned->offload_error;
    if (offload_showing) touch();
    const bool waiting_on_cabinet = view_.screen == Screen::CheckoutWorking || view_.screen == Screen::CheckoutIssued;
    if (custodian_screen()) {
        view_.seconds_to_idle = static_cast<int>(std::max<std::int64_t>(0, timings_.logout.count() - quiet_s));
        if (quiet_s >= timings_.logout.count()) {
            log_event(LogLevel::Info, "custodian " + (view_.custodian ? view_.custodian->number : std::string()) +
                                          " logged out after " + std::to_string(timings_.logout.count()) + " s idle",
                      LogFields{}.by_officer(view_.custodian ? view_.custodian->number : std::string()));
            go_idle();
        }
    } else if (view_.screen != Screen::Idle && !waiting_on_cabinet) {
        view_.seconds_to_idle = static_cast<int>(std::max<std::int64_t>(0, timings_.back_to_idle.count() - quiet_s));
        if (quiet_s >= timings_.back_to_idle.count()) go_idle();
    } else {
        view_.seconds_to_idle = 0;
    }
    emit();
}

void KioskTerminal::reader_changed(ReaderState state, const Error& why) {
    view_.reader_online = state == ReaderState::Online;
    if (view_.reader_online)
        view_.reader_problem.reset();
    else
        view_.reader_problem = why;
    emit();
}

void KioskTerminal::cabinet_changed(bool online, const std::optional<Error>& why) {
    view_.cabinet_online = online;
    view_.cabinet_problem = why;
    refresh_cabinet();
    emit();
}

void KioskTerminal::tap_language() {
    view_.lang = view_.lang == Lang::Zh ? Lang::En : Lang::Zh;
    touch();
    emit();
}

void KioskTerminal::tap_home() {
    go_idle();
    emit();
}

}  // namespace custody::terminal
