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

}  // namespace custody::db
