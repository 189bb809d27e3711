#include "kiosk/core/inventory_reconciliation.h"

#include <algorithm>
#include <map>
#include <set>

namespace custody {

namespace {

InventoryState state_of(DeviceStatus s) {
    switch (s) {
        case DeviceStatus::Out: return InventoryState::Out;
        case DeviceStatus::Docked: return InventoryState::PendingOffload;
        case DeviceStatus::Quarantined: return InventoryState::Quarantined;
        case DeviceStatus::InRepair: return InventoryState::InRepair;
        case DeviceStatus::Lost: return InventoryState::Lost;
        case DeviceStatus::InService:
        case DeviceStatus::Disposed: break;
    }
    return InventoryState::InSlot;
}

// Out, in repair or lost: the devices a camera in an unexplained slot could be.
bool away_from_cabinet(const Device& d) {
    return !d.slot && (d.status == DeviceStatus::Out || d.status == DeviceStatus::InRepair ||
                       d.status == DeviceStatus::Lost);
}

void count(Reconciliation& r, const ReconciliationLine& l) {
    if (l.discrepancy != Discrepancy::None) ++r.discrepancies;
    if (!l.device) return;
    switch (l.state) {
        case InventoryState::InSlot: ++r.in_slot; break;
        case InventoryState::Out: ++r.out; break;
        case InventoryState::InRepair: ++r.in_repair; break;
        case InventoryState::Quarantined: ++r.quarantined; break;
        case InventoryState::PendingOffload: ++r.pending_offload; break;
        case InventoryState::Lost: ++r.lost; break;
    }
}

}  // namespace

Reconciliation reconcile(const std::vector<Device>& devices, const std::vector<SlotStatus>& cabinet) {
    std::map<int, const SlotStatus*> reading;
    for (const auto& s : cabinet) reading[s.slot] = &s;
    std::vector<const Device*> expected;
    for (const auto& d : devices)
        if (d.status != DeviceStatus::Disposed) expected.push_back(&d);
    // Cabinet devices in slot order, then the rest by serial: the order a custodian walks.
    std::stable_sort(expected.begin(), expected.end(), [](const Device* a, const Device* b) {
        if (a->slot.has_value() != b->slot.has_value()) return a->slot.has_value();
        if (a->slot && *a->slot != *b->slot) return *a->slot < *b->slot;
        return a->serial < b->serial;
    });

    Reconciliation r;
    std::set<int> explained;
    std::vector<std::size_t> away;  // line indices
    for (const Device* d : expected) {
        ReconciliationLine l;
        l.device = *d;
        l.state = state_of(d->status);
        if (d->slot) {
            l.slot = *d->slot;
            auto it = reading.find(*d->slot);
            if (it == reading.end()) l.discrepancy = Discrepancy::SlotNotRead;
            else if (!it->second->camera_present) l.discrepancy = Discrepancy::MissingFromSlot;
            explained.insert(*d->slot);
        }
        if (away_from_cabinet(*d)) away.push_back(r.lines.size());
        r.lines.push_back(std::move(l));
    }
    r.expected = static_cast<int>(expected.size());
    for (const auto& [slot, s] : reading) {
        if (!s->camera_present || explained.count(slot)) continue;
        if (away.size() == 1 && r.lines[away.front()].discrepancy == Discrepancy::None) {
            // One device away and one camera nobody put back: very likely that device.
            r.lines[away.front()].discrepancy = Discrepancy::OutButDocked;
            r.lines[away.front()].slot = slot;
            continue;
        }
        ReconciliationLine l;
        l.slot = slot;
        l.state = away.empty() ? InventoryState::InSlot : InventoryState::Out;
        l.discrepancy = away.empty() ? Discrepancy::UnexpectedInSlot : Discrepancy::OutButDocked;
        r.lines.push_back(std::move(l));
    }
    for (const auto& l : r.lines) count(r, l);
    return r;
}

Result<Reconciliation> InventoryReconciliation::compute(StoreTx& tx, const std::vector<SlotStatus>& cabinet,
                                                        CabinetSource source) {
    auto devices = tx.devices();
    if (!devices) return fail(devices.error());
    Reconciliation r = reconcile(*devices, cabinet);
    r.at = clock_.now();
    r.cabinet_read = source == CabinetSource::Read;
    return r;
}

Result<Reconciliation> InventoryReconciliation::preview(const std::vector<SlotStatus>& cabinet, CabinetSource source) {
    auto tx = store_.begin();
    if (!tx) return fail(tx.error());
    return compute(**tx, cabinet, source);
}

Result<Reconciliation> InventoryReconciliation::save(const std::vector<SlotStatus>& cabinet, const std::string& actor,
                                                     CabinetSource source) {
    auto tx = store_.begin();
    if (!tx) return fail(tx.error());
    auto r = compute(**tx, cabinet, source);
    if (!r) return fail(r.error());
    r->by = actor;
    std::string detail = "expected=" + std::to_string(r->expected) + "; in_slot=" + std::to_string(r->in_slot) +
                         "; out=" + std::to_string(r->out) + "; in_repair=" + std::to_string(r->in_repair) +
                         "; quarantined=" + std::to_string(r->quarantined) +
                         "; pending_offload=" + std::to_string(r->pending_offload) + "; lost=" + std::to_string(r->lost) +
                         "; discrepancies=" + std::to_string(r->discrepancies) +
                         "; cabinet=" + (r->cabinet_read ? "read" : "ledger");
    auto id = (*tx)->add_reconciliation(*r, {actor, "reconciliation_saved", "inventory", detail});
    if (!id) return fail(id.error());
    CUSTODY_TRY((*tx)->commit());
    r->id = *id;
    return r;
}

Result<std::vector<Reconciliation>> InventoryReconciliation::recent(int limit) {
    auto tx = store_.begin();
    if (!tx) return fail(tx.error());
    return (*tx)->recent_reconciliations(limit);
}

Result<std::vector<SlotStatus>> InventoryReconciliation::ledger_readings() {
    auto tx = store_.begin();
    if (!tx) return fail(tx.error());
    auto docked = (*tx)->docked_devices();
    if (!docked) return fail(docked.error());
    std::vector<SlotStatus> out;
    for (const auto& d : *docked) {
        SlotStatus s;
        s.slot = d.slot;
        s.camera_present = true;
        out.push_back(s);
    }
    return out;
}

}  // namespace custody
