#include "kiosk/core/checkout.h"

#include <algorithm>
#include <span>

#include "kiosk/core/agency_time.h"
#include "kiosk/core/pre_use_check.h"
#include "kiosk/core/refusal.h"

namespace custody {

namespace {

Error no_ready_device(const std::vector<DockedDevice>& unit_devices, int out, const AgencyProfile& p, Timestamp now) {
    int pending = 0, failing = 0, quarantined = 0;
    for (const auto& d : unit_devices) {
        if (d.device.status == DeviceStatus::Docked) ++pending;
        else if (d.device.status == DeviceStatus::Quarantined) ++quarantined;
        else if (!pre_use_problems(d, p, now).empty()) ++failing;
    }
    return Error(MessageId::NoReadyDevice, {std::to_string(out), std::to_string(pending), std::to_string(failing),
                                            std::to_string(quarantined)});
}

// Least recently issued first spreads wear and charge cycles across the fleet.
bool issue_before(const DockedDevice& a, const DockedDevice& b) {
    auto ka = a.device.last_issued_at.value_or(Timestamp{INT64_MIN});
    auto kb = b.device.last_issued_at.value_or(Timestamp{INT64_MIN});
    if (ka != kb) return ka < kb;
    return a.slot < b.slot;
}

}  // namespace

Result<CheckoutPlan> Checkout::plan_in(std::unique_ptr<StoreTx>& tx, const CheckoutRequest& request, Timestamp now) {
    const std::string& uid = request.badge_uid;
    auto refused = [&](Error e, const std::string& actor) -> Result<CheckoutPlan> {
        tx.reset();
        return fail(refuse(store_, std::move(e), actor, "checkout_refused", uid));
    };
    auto profile = tx->profile();
    if (!profile) return fail(profile.error());
    const AgencyProfile& p = *profile;

    auto badge = tx->badge(uid);
    if (!badge) return fail(badge.error());
    if (!*badge) return refused(Error(MessageId::BadgeUnknown, {uid}), "badge:" + uid);
    if ((*badge)->revoked())
        return refused(Error(MessageId::BadgeRevoked, {uid, format_local(*(*badge)->revoked_at)}), "badge:" + uid);
    auto officer_r = tx->officer((*badge)->officer_id);
    if (!officer_r) return fail(officer_r.error());
    if (!*officer_r) throw std::logic_error("badge without officer despite the foreign key");
    CheckoutPlan plan;
    plan.officer = **officer_r;
    const Officer& officer = plan.officer;
    if (!officer.active) return refused(Error(MessageId::OfficerInactive, {officer.name, officer.number}), officer.number);

    auto held = tx->open_checkouts_of(officer.id);
    if (!held) return fail(held.error());
    for (const auto& h : *held) {
        if (now.ms - h.entry.at.ms > p.offload_deadline_hours * kMsPerHour) {
            return refused(Error(MessageId::OffloadOverdue,
                                 {officer.name, h.device.serial, std::to_string(p.offload_deadline_hours)}),
                           officer.number);
        }
    }
    if (static_cast<std::int64_t>(held->size()) >= p.max_devices_per_officer)
        return refused(Error(MessageId::AlreadyHolding, {officer.name, held->front().device.serial}), officer.number);

    if (request.partner_badge_uid) {
        const std::string& puid = *request.partner_badge_uid;
        auto pb = tx->badge(puid);
        if (!pb) return fail(pb.error());
        if (!*pb) return refused(Error(MessageId::PartnerUnknown, {puid}), officer.number);
        if ((*pb)->officer_id == officer.id) return refused(Error(MessageId::PartnerIsSelf), officer.number);
        auto po = tx->officer((*pb)->officer_id);
        if (!po) return fail(po.error());
        if (!*po || !(*po)->active || (*pb)->revoked()) {
            Error e = *po ? Error(MessageId::PartnerInactive, {(*po)->name, (*po)->number})
                          : Error(MessageId::PartnerUnknown, {puid});
            return refused(std::move(e), officer.number);
        }
        plan.partner = **po;
    }

    auto docked = tx->docked_devices();
    if (!docked) return fail(docked.error());
    std::vector<DockedDevice> unit_devices;  // R6: only the officer's own unit's devices
    for (auto& d : *docked)
        if (d.device.unit_id == officer.unit_id) unit_devices.push_back(std::move(d));
    for (const auto& d : unit_devices) {
        if (request.device_serial && d.device.serial != *request.device_serial) continue;
        if (d.device.status == DeviceStatus::InService && pre_use_problems(d, p, now).empty()) plan.ready.push_back(d);
    }
    if (plan.ready.empty()) {
        auto open = tx->open_checkouts();
        if (!open) return fail(open.error());
        int out = static_cast<int>(std::count_if(open->begin(), open->end(), [&](const OpenCheckout& oc) {
            return oc.device.unit_id == officer.unit_id;
        }));
        return refused(no_ready_device(unit_devices, out, p, now), officer.number);
    }
    std::sort(plan.ready.begin(), plan.ready.end(), issue_before);
    return plan;
}

Result<CheckoutPlan> Checkout::plan(const CheckoutRequest& request) {
    auto b = store_.begin();
    if (!b) return fail(b.error());
    std::unique_ptr<StoreTx> tx = std::move(*b);
    return plan_in(tx, request, clock_.now());
}

Result<CheckoutGrant> Checkout::run(const CheckoutRequest& request) {
    const Timestamp now = clock_.now();
    auto b = store_.begin();
    if (!b) return fail(b.error());
    std::unique_ptr<StoreTx> tx = std::move(*b);
    auto planned = plan_in(tx, request, now);
    if (!planned) return fail(planned.error());
    const CheckoutPlan& plan = *planned;
    const DockedDevice& pick = plan.ready.front();

    CustodyEntry entry;
    entry.kind = CustodyKind::Checkout;
    entry.device_id = pick.device.id;
    entry.officer_id = plan.officer.id;
    if (plan.partner) entry.partner_id = plan.partner->id;
    entry.slot = pick.slot;
    entry.at = now;
    Device out = pick.device;
    out.status = DeviceStatus::Out;
    out.slot.reset();
    out.last_issued_at = now;
    std::string detail = "slot=" + std::to_string(pick.slot) + "; status=out";
    if (plan.partner) detail += "; partner=" + plan.partner->number;
    auto id = tx->append_custody(entry, out, {plan.officer.number, "checkout", pick.device.serial, detail});
    if (!id) return fail(id.error());
    out.open_checkout_id = *id;
    CUSTODY_TRY(tx->commit());
    return CheckoutGrant{*id, plan.officer, plan.partner, out, pick.slot};
}

}  // namespace custody
