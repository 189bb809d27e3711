// The officer's side of the kiosk: a badge tap issues a camera from the cabinet (R6, R7,
// R10, R14). The pre-use check, the unlock and the wait for the camera to leave its slot
// run on BackgroundWork; the screen shows each step as it lands.
#include "kiosk/core/checkout.h"
#include "kiosk/core/custodian_login.h"
#include "kiosk/core/log.h"
#include "kiosk/terminal/kiosk_terminal.h"

namespace custody::terminal {

void KioskTerminal::badge_tapped(const BadgeTap& tap) {
    switch (view_.screen) {
        case Screen::Idle:
        case Screen::Refused:
        case Screen::CheckoutTaken:
            start_checkout(tap.uid, std::nullopt);
            break;
        case Screen::Return:
            // The officer who docked is still answering; another may start a checkout once done.
            if (view_.returned && view_.returned->step == ReturnStep::Finished) start_checkout(tap.uid, std::nullopt);
            break;
        case Screen::PartnerFirstBadge: {
            Checkout checkout(parts_.store, parts_.clock);
            auto plan = checkout.plan(CheckoutRequest{tap.uid, std::nullopt, std::nullopt});
            if (!plan) {
                refuse(plan.error());
                break;
            }
            first_badge_ = tap.uid;
            view_.first_officer = plan->officer;
            show(Screen::PartnerSecondBadge);
            break;
        }
        case Screen::PartnerSecondBadge:
            start_checkout(first_badge_, tap.uid);
            break;
        case Screen::CustodianBadge: {
            CustodianLogin login(parts_.store, parts_.clock);
            auto who = login.check_badge(tap.uid);
            if (!who) {
                refuse(who.error());
                break;
            }
            custodian_badge_ = tap.uid;
            pin_.clear();
            view_.pin = PinView{*who, 0, std::nullopt};
            show(Screen::CustodianPin);
            break;
        }
        default:
            // Mid-checkout or in custodian mode a tap would interrupt someone: it is logged only.
            log_event(LogLevel::Info, "badge " + tap.uid + " tapped while the screen is busy; ignored");
            return;
    }
    emit();
}

void KioskTerminal::tap_with_partner() {
    view_.first_officer.reset();
    first_badge_.clear();
    show(Screen::PartnerFirstBadge);
    emit();
}

void KioskTerminal::start_checkout(const std::string& badge, const std::optional<std::string>& partner) {
    view_.returned.reset();
    view_.refusal.reset();
    // Who is asking is known at once: the plan refuses (and audits) an unknown badge, a
    // held device or an overdue offload before any camera is touched.
    Checkout checkout(parts_.store, parts_.clock);
    auto plan = checkout.plan(CheckoutRequest{badge, partner, std::nullopt});
    if (!plan) {
        refuse(plan.error());
        return;
    }
    view_.first_officer = plan->officer;
    show(Screen::CheckoutWorking);
    std::weak_ptr<bool> alive = alive_;
    auto post = parts_.post;
    auto& cabinet_checkout = parts_.checkout;
    const std::optional<Officer> partner_officer = plan->partner;
    CheckoutRequest request{badge, partner, std::nullopt};
    parts_.work.run([this, alive, post, &cabinet_checkout, request, partner_officer] {
        auto issue = cabinet_checkout.issue(request);
        if (!issue) {
            Error why = issue.error();
            post([this, alive, why] {
                if (!alive.lock()) return;
                refuse(why);
                emit();
            });
            return;
        }
        auto shared = std::make_shared<const CabinetIssue>(std::move(*issue));
        post([this, alive, shared, partner_officer] {
            if (!alive.lock()) return;
            issued(shared, partner_officer);
            emit();
        });
        auto taken = cabinet_checkout.await_taken(*shared);
        post([this, alive, taken] {
            if (!alive.lock()) return;
            taken_deadline_.reset();
            if (taken) {
                show(Screen::CheckoutTaken);
            } else {
                refuse(taken.error());
            }
            emit();
        });
    });
}

void KioskTerminal::issued(std::shared_ptr<const CabinetIssue> issue, const std::optional<Officer>& partner) {
    CheckoutView v;
    v.officer = issue->grant.officer;
    v.partner = issue->grant.partner ? issue->grant.partner : partner;
    v.slot = issue->grant.slot;
    v.device_serial = issue->grant.device.serial;
    v.device_model = issue->grant.device.brand + " " + issue->grant.device.model;
    v.inspection = issue->inspection;
    const auto countdown = parts_.checkout.timings().camera_taken;
    taken_deadline_ = Timestamp{parts_.clock.now().ms + countdown.count()};
    v.seconds_left = static_cast<int>(countdown.count() / 1000);
    view_.checkout = std::move(v);
    show(Screen::CheckoutIssued);
}

}  // namespace custody::terminal
