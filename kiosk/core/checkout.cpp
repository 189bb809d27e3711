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

Result<CheckoutGrant> Checkout::run(const CheckoutRequest& request) {
    const Timestamp now = clock_.now();
    const std::string& uid = request.badge_uid;
    auto refused = [&](Error e, const std::string& actor) -> Result<CheckoutGrant> {
        return fail(refuse(store_, std::move(e), actor, "checkout_refused", uid));
    };

    std::unique_ptr<StoreTx> tx;
    {
        auto b = store_.begin();
        if (!b) return fail(b.error());
        tx = std::move(*b);
    }
    auto profile = tx->profile();
    if (!profile) return fail(profile.error());
    const AgencyProfile& p = *profile;

    auto badge = tx->badge(uid);
    if (!badge) return fail(badge.error());
    if (!*badge) { tx.reset(); return refused(Error(MessageId::BadgeUnknown, {uid}), "badge:" + uid); }
    if ((*badge)->revoked()) {
        tx.reset();
        return refused(Error(MessageId::BadgeRevoked, {uid, format_local(*(*badge)->revoked_at)}), "badge:" + uid);
    }
    auto officer_r = tx->officer((*badge)->officer_id);
    if (!officer_r) return fail(officer_r.error());
    if (!*officer_r) throw std::logic_error("badge without officer despite the foreign key");
    const Officer officer = **officer_r;
    if (!officer.active) {
        tx.reset();
        return refused(Error(MessageId::OfficerInactive, {officer.name, officer.number}), officer.number);
    }

    auto held = tx->open_checkouts_of(officer.id);
    if (!held) return fail(held.error());
    for (const auto& h : *held) {
        if (now.ms - h.entry.at.ms > p.offload_deadline_hours * kMsPerHour) {
            tx.reset();
            return refused(Error(MessageId::OffloadOverdue,
                                 {officer.name, h.device.serial, std::to_string(p.offload_deadline_hours)}),
                           officer.number);
        }
    }
    if (static_cast<std::int64_t>(held->size()) >= p.max_devices_per_officer) {
        std::string serial = held->front().device.serial;
        tx.reset();
        return refused(Error(MessageId::AlreadyHolding, {officer.name, serial}), officer.number);
    }

    std::optional<Officer> partner;
    if (request.partner_badge_uid) {
        const std::string& puid = *request.partner_badge_uid;
        auto pb = tx->badge(puid);
        if (!pb) return fail(pb.error());
        if (!*pb) { tx.reset(); return refused(Error(MessageId::PartnerUnknown, {puid}), officer.number); }
        if ((*pb)->officer_id == officer.id) { tx.reset(); return refused(Error(MessageId::PartnerIsSelf), officer.number); }
        auto po = tx->officer((*pb)->officer_id);
        if (!po) return fail(po.error());
        if (!*po || !(*po)->active || (*pb)->revoked()) {
            Error e = *po ? Error(MessageId::PartnerInactive, {(*po)->name, (*po)->number})
                          : Error(MessageId::PartnerUnknown, {puid});
            tx.reset();
            return refused(std::move(e), officer.number);
        }
        partner = **po;
    }

    auto docked = tx->docked_devices();
    if (!docked) return fail(docked.error());
    std::vector<DockedDevice> unit_devices;  // R6: only the officer's own unit's devices
    for (auto& d : *docked)
        if (d.device.unit_id == officer.unit_id) unit_devices.push_back(std::move(d));
    std::vector<const DockedDevice*> ready;
    for (const auto& d : unit_devices)
        if (d.device.status == DeviceStatus::InService && pre_use_problems(d, p, now).empty()) ready.push_back(&d);
    if (ready.empty()) {
        auto open = tx->open_checkouts();
        if (!open) return fail(open.error());
        int out = static_cast<int>(std::count_if(open->begin(), open->end(), [&](const OpenCheckout& oc) {
            return oc.device.unit_id == officer.unit_id;
        }));
        Error e = no_ready_device(unit_devices, out, p, now);
        tx.reset();
        return refused(std::move(e), officer.number);
    }
    const DockedDevice& pick =
        **std::min_element(ready.begin(), ready.end(), [](auto* a, auto* b) { return issue_before(*a, *b); });

    CustodyEntry entry;
    entry.kind = CustodyKind::Checkout;
    entry.device_id = pick.device.id;
    entry.officer_id = officer.id;
    if (partner) entry.partner_id = partner->id;
    entry.slot = pick.slot;
    entry.at = now;
    Device out = pick.device;
    out.status = DeviceStatus::Out;
    out.slot.reset();
    out.last_issued_at = now;
    std::string detail = "slot=" + std::to_string(pick.slot) + "; status=out";
    if (partner) detail += "; partner=" + partner->number;
    auto id = tx->append_custody(entry, out, {officer.number, "checkout", pick.device.serial, detail});
    if (!id) return fail(id.error());
    out.open_checkout_id = *id;
    CUSTODY_TRY(tx->commit());
    return CheckoutGrant{*id, officer, partner, out, pick.slot};
}

}  // namespace custody
