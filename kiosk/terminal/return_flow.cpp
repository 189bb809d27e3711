// A camera docked at shift end: the screen shows who returned what, the offload of its
// footage, the docking health check, and asks the officer two things before leaving: a
// fault or damage (the device is quarantined, R9) and an interruption of recording to
// report (R13, reviewed by the unit head).
#include "kiosk/core/fault_report.h"
#include "kiosk/core/interruption_log.h"
#include "kiosk/core/log.h"
#include "kiosk/terminal/kiosk_terminal.h"

namespace custody::terminal {

namespace {

// What the officer picked, as the record's basis: there is no keyboard on the kiosk, so
// the reason is the officer's own pick and the rest is said by the unit head's review.
std::string kiosk_basis(const ReturnView& v, InterruptionReason reason) {
    const auto& r = named(kInterruptionReasons, reason);
    return std::string("本人在终端申报：") + std::string(r.zh) + " / reported at the kiosk by the officer: " +
           std::string(r.en) + " (" + v.device_serial + ")";
}

// "Other" needs a note and the kiosk has no keyboard: the note says so, and the custodian
// who looks at the quarantined device writes the rest (R9).
constexpr const char* kKioskFaultNote =
    "本人在终端申报，具体情况待保管员检查 / reported at the kiosk by the officer; "
    "the custodian's check says what is wrong";

}  // namespace

void KioskTerminal::docked(const DockArrivalReport& report) {
    // A return is offloaded, and so is a re-seated camera still waiting for its offload (the
    // kiosk restarted mid-job): its unfinished job carries on. A camera already offloaded
    // and in service has nothing to give.
    if (report.returned) unoffloaded_returns_[report.returned->device.serial] = report.returned->entry_id;
    if (report.returned || report.inspection.device.status == DeviceStatus::Docked) {
        OffloadRequest request = offload_request_for(report);
        // A camera seated again after an offload that never started still belongs to the
        // return it came back with: its job must name it (R13).
        if (!request.return_entry_id)
            request.return_entry_id = return_awaiting_offload(report.inspection.device.serial);
        if (!parts_.offloads.submit(request))
            log_event(LogLevel::Info, "slot " + std::to_string(report.slot) + " is already offloading",
                      LogFields{}.at_slot(report.slot).of_device(report.inspection.device.serial));
    }
    failed_offloads_.erase(report.slot);
    if (!report.returned) {
        refresh_cabinet();
        emit();
        return;
    }
    ReturnView v;
    v.slot = report.slot;
    v.device_serial = report.returned->device.serial;
    v.officer = report.returned->officer;
    v.unexpected = report.returned->unexpected;
    v.return_entry_id = report.returned->entry_id;
    v.inspection = report.inspection;
    // An unexpected return has nobody to ask.
    v.step = v.officer ? ReturnStep::AskFault : ReturnStep::Finished;
    waiting_returns_.push_back(std::move(v));
    show_next_return();
    refresh_cabinet();
    emit();
}

void KioskTerminal::show_next_return() {
    if (waiting_returns_.empty()) return;
    const bool free = view_.screen == Screen::Idle || view_.screen == Screen::Refused ||
                      view_.screen == Screen::CheckoutTaken ||
                      (view_.screen == Screen::Return && view_.returned && view_.returned->step == ReturnStep::Finished);
    if (!free) return;
    view_.returned = std::move(waiting_returns_.front());
    waiting_returns_.pop_front();
    show(Screen::Return);
}

void KioskTerminal::dock_failed(int slot, const Error& why) {
    log_event(LogLevel::Warning, "docking in slot " + std::to_string(slot) + " failed: " + log_line(why),
              LogFields{}.at_slot(slot));
    view_.notice = why;
    refresh_cabinet();
    emit();
}

void KioskTerminal::tap_fault(std::optional<int> fault_kind) {
    touch();
    if (!view_.returned || view_.returned->step != ReturnStep::AskFault) return;
    auto& v = *view_.returned;
    if (fault_kind) {
        FaultReport report(parts_.store, parts_.clock);
        const auto kinds = std::size(kFaultKinds);
        if (*fault_kind < 0 || static_cast<std::size_t>(*fault_kind) >= kinds) return;
        const FaultKind kind = kFaultKinds[*fault_kind].value;
        auto filed = report.file(FaultReportRequest{v.device_serial, kind,
                                                    v.officer ? v.officer->number : std::string(),
                                                    kind == FaultKind::Other ? kKioskFaultNote : ""});
        if (!filed) {
            v.notices.push_back(filed.error());
            emit();
            return;  // the officer may try again, or pick another answer
        }
        v.fault_kind = fault_kind;
        v.notices.emplace_back(MessageId::KioskDeviceQuarantined, std::vector<std::string>{v.device_serial});
    }
    v.step = ReturnStep::AskInterruption;
    emit();
}

void KioskTerminal::tap_interruption(std::optional<InterruptionReason> reason) {
    touch();
    if (!view_.returned || view_.returned->step != ReturnStep::AskInterruption) return;
    auto& v = *view_.returned;
    v.interruption = reason;
    v.step = ReturnStep::Finished;
    if (reason && v.officer && v.return_entry_id) {
        unfiled_.push_back(UnfiledInterruption{*v.return_entry_id, v.officer->number, *reason, kiosk_basis(v, *reason)});
        file_pending_interruptions();
    }
    emit();
}

// The record belongs to the offload job of this return (R13), which may start after the
// officer has answered and left: it waits here, and every tick tries again, until filed.
void KioskTerminal::file_pending_interruptions() {
    for (auto it = unfiled_.begin(); it != unfiled_.end();) {
        std::optional<Id> job;
        if (auto tx = parts_.store.begin()) {
            if (auto recent = (*tx)->recent_jobs(200))
                for (const auto& j : *recent)
                    if (j.return_entry_id == it->return_entry_id) job = j.id;
        }
        if (!job) {
            ++it;
            continue;
        }
        InterruptionLog log(parts_.store, parts_.clock);
        auto filed = log.add(InterruptionRequest{*job, it->officer_number, it->reason, it->basis,
                                                 "kiosk:" + it->officer_number});
        Error outcome = filed ? Error(MessageId::KioskInterruptionFiled, {std::to_string(filed->id)}) : filed.error();
        if (!filed) log_event(LogLevel::Error, "interruption record not filed: " + log_line(filed.error()));
        if (view_.returned && view_.returned->return_entry_id == it->return_entry_id) {
            view_.returned->interruption_filed = filed.ok();
            view_.returned->notices.push_back(outcome);
        }
        it = unfiled_.erase(it);
    }
}

std::optional<Id> KioskTerminal::return_awaiting_offload(const std::string& serial) const {
    if (auto it = unoffloaded_returns_.find(serial); it != unoffloaded_returns_.end()) return it->second;
    return std::nullopt;
}

void KioskTerminal::tap_return_done() {
    if (view_.returned && view_.returned->step != ReturnStep::Finished) return;
    go_idle();
    emit();
}

}  // namespace custody::terminal
