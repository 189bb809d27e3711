#include "kiosk/core/cabinet_checkout.h"

#include "kiosk/core/checkout_void.h"
#include "kiosk/core/log.h"
#include "kiosk/core/refusal.h"

namespace custody {

std::optional<SlotStatus> CabinetCheckout::slot_reading(int slot) const {
    for (const auto& s : cabinet_.slots())
        if (s.slot == slot) return s;
    return std::nullopt;
}

Result<CabinetIssue> CabinetCheckout::issue(const CheckoutRequest& request) {
    Checkout checkout(store_, clock_);
    auto plan = checkout.plan(request);
    if (!plan) return fail(plan.error());
    const std::string& actor = plan->officer.number;
    auto refused = [&](Error e) { return fail(refuse(store_, std::move(e), actor, "checkout_refused", request.badge_uid)); };
    if (!cabinet_.online()) return refused(Error(MessageId::CabinetNotReady));

    CabinetIssue out;
    DeviceInspection inspection(store_, clock_);
    for (const DockedDevice& candidate : plan->ready) {
        PassedOver skipped{candidate.device.serial, candidate.slot, {}};
        auto reading = slot_reading(candidate.slot);
        if (!reading || !reading->camera_present) {
            skipped.reasons.emplace_back(MessageId::CameraNotDocked, std::vector<std::string>{std::to_string(candidate.slot)});
            out.passed_over.push_back(std::move(skipped));
            continue;
        }
        auto camera = cameras_.open(candidate.slot);
        Result<InspectionReport> report = camera ? inspection.inspect(**camera, {candidate.slot, InspectionPurpose::Issue,
                                                                                *reading, plan->officer, actor})
                                                 : Result<InspectionReport>(fail(camera.error()));
        if (!report) skipped.reasons.push_back(report.error());
        else if (!report->problems.empty()) skipped.reasons = report->problems;
        if (!skipped.reasons.empty()) {
            log_event(LogLevel::Warning, "checkout " + actor + ": passed over " + skipped.device_serial + " in slot " +
                                             std::to_string(skipped.slot) + ": " + log_line(skipped.reasons.front()),
                      LogFields{}.at_slot(skipped.slot).of_device(skipped.device_serial).by_officer(actor));
            out.passed_over.push_back(std::move(skipped));
            continue;
        }

        CheckoutRequest held = request;
        held.device_serial = candidate.device.serial;
        auto grant = checkout.run(held);
        if (!grant) {
            // Refused between the check and the entry (another writer got there first):
            // the camera stays, so it must not name this officer.
            recheck_docked(candidate.slot);
            return fail(grant.error());
        }
        out.grant = *grant;
        out.inspection = std::move(*report);
        if (auto led = cabinet_.set_led(grant->slot, LedPattern::GreenBlink); !led)
            log_event(LogLevel::Warning, log_line(led.error()));
        auto opened = cabinet_.unlock_and_confirm(grant->slot, timings_.door_opens);
        if (!opened) return fail(undo(*grant, "door_not_opened", opened.error()));
        return out;
    }
    Error none(MessageId::NoCameraPassedCheck);
    if (!out.passed_over.empty() && !out.passed_over.front().reasons.empty())
        none = none.with_cause(out.passed_over.front().reasons.front());
    return refused(std::move(none));
}

Status CabinetCheckout::await_taken(const CabinetIssue& issued) {
    const int slot = issued.grant.slot;
    const bool taken = cabinet_.wait_until(
        [&](const std::vector<SlotStatus>& slots) {
            for (const auto& s : slots)
                if (s.slot == slot) return !s.camera_present;
            return false;
        },
        timings_.camera_taken);
    if (taken) {
        if (auto led = cabinet_.set_led(slot, LedPattern::Off); !led) log_event(LogLevel::Warning, log_line(led.error()));
        return {};
    }
    if (!cabinet_.online()) {
        Error e(MessageId::CabinetOffline, {"slot " + std::to_string(slot)},
                "checkout " + std::to_string(issued.grant.entry_id) + " left standing: cannot tell whether it was taken");
        log_event(LogLevel::Error, log_line(e));
        return fail(e);
    }
    return fail(undo(issued.grant, "camera_not_taken", Error(MessageId::CameraNotRemoved, {std::to_string(slot)})));
}

Error CabinetCheckout::undo(const CheckoutGrant& grant, const std::string& reason, Error why) {
    log_event(LogLevel::Warning, "voiding checkout " + std::to_string(grant.entry_id) + ": " + log_line(why));
    auto voided = CheckoutVoid(store_, clock_).run(grant, reason);
    if (!voided) {
        log_event(LogLevel::Error, log_line(voided.error()));
        return voided.error();
    }
    auto led = cabinet_.set_led(grant.slot, LedPattern::Red);
    if (!led) log_event(LogLevel::Warning, log_line(led.error()));
    // A stuck lock found by the docking check takes the camera out of service until the
    // slot is repaired.
    recheck_docked(grant.slot);
    return why;
}

void CabinetCheckout::recheck_docked(int slot) {
    // The camera stays in the cabinet, so it must name nobody: the docking check clears it.
    auto reading = slot_reading(slot);
    auto camera = cameras_.open(slot);
    if (!reading || !camera) {
        log_event(LogLevel::Error, "slot " + std::to_string(slot) + ": camera not re-checked, its binding may remain: " +
                                       (camera ? std::string("no cabinet reading") : log_line(camera.error())),
                  LogFields{}.at_slot(slot));
        return;
    }
    auto checked =
        DeviceInspection(store_, clock_).inspect(**camera, {slot, InspectionPurpose::Docking, *reading, std::nullopt, "kiosk"});
    if (!checked) log_event(LogLevel::Error, log_line(checked.error()));
}

}  // namespace custody
