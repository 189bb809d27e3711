#include "db/canonical.h"

#include <optional>
#include <span>

namespace custody::db {

namespace {
// Length-prefixed so that no value can be crafted to look like two fields.
void field(std::string& out, const std::string& v) {
    out += std::to_string(v.size());
    out += ':';
    out += v;
}
void field(std::string& out, std::int64_t v) { field(out, std::to_string(v)); }
template <class T>
void field(std::string& out, const std::optional<T>& v) {
    field(out, v ? std::to_string(*v) : std::string("-"));
}
}  // namespace

std::string canonical(const CustodyEntry& e) {
    std::string out = "custody_entries/1;";
    field(out, e.id);
    field(out, std::string(named(kCustodyKinds, e.kind).code));
    field(out, e.device_id);
    field(out, e.officer_id);
    field(out, e.partner_id);
    field(out, e.slot);
    field(out, e.at.ms);
    field(out, e.closes_id);
    return out;
}

std::string canonical(const HealthReading& h) {
    std::string out = "health_checks/1;";
    field(out, h.id);
    field(out, h.device_id);
    field(out, h.measured_at.ms);
    field(out, static_cast<std::int64_t>(h.battery_pct));
    field(out, h.free_storage_mb);
    field(out, h.clock_offset_s);
    field(out, h.fault);
    return out;
}

std::string canonical(const Reconciliation& r) {
    std::string out = "reconciliations/1;";
    field(out, r.id);
    field(out, r.at.ms);
    field(out, r.by);
    field(out, static_cast<std::int64_t>(r.cabinet_read ? 1 : 0));
    for (int n : {r.expected, r.in_slot, r.out, r.in_repair, r.quarantined, r.pending_offload, r.lost, r.discrepancies})
        field(out, static_cast<std::int64_t>(n));
    field(out, static_cast<std::int64_t>(r.lines.size()));
    for (const auto& l : r.lines) {
        field(out, l.device ? std::optional<std::int64_t>(l.device->id) : std::nullopt);
        field(out, static_cast<std::int64_t>(l.slot));
        field(out, std::string(named(kInventoryStates, l.state).code));
        field(out, std::string(named(kDiscrepancies, l.discrepancy).code));
    }
    return out;
}

}  // namespace custody::db
