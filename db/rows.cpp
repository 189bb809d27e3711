#include "db/rows.h"

namespace custody::db {

namespace {
std::optional<int> opt_int(const Statement& s, int c) {
    if (s.is_null(c)) return std::nullopt;
    return s.i32(c);
}
std::optional<Timestamp> opt_ts(const Statement& s, int c) {
    if (s.is_null(c)) return std::nullopt;
    return Timestamp{s.i64(c)};
}
}  // namespace

Device device_from_row(const Statement& s, int f) {
    Device d;
    d.id = s.i64(f);
    d.serial = s.text(f + 1);
    d.kind = code_to(kDeviceKinds, s.text(f + 2));
    d.brand = s.text(f + 3);
    d.model = s.text(f + 4);
    d.firmware = s.text(f + 5);
    d.unit_id = s.i64(f + 6);
    d.keeper_id = s.opt_i64(f + 7);
    d.status = code_to(kDeviceStatuses, s.text(f + 8));
    d.slot = opt_int(s, f + 9);
    d.open_checkout_id = s.opt_i64(f + 10);
    d.last_issued_at = opt_ts(s, f + 11);
    return d;
}

CustodyEntry entry_from_row(const Statement& s, int f) {
    CustodyEntry e;
    e.id = s.i64(f);
    e.kind = code_to(kCustodyKinds, s.text(f + 1));
    e.device_id = s.i64(f + 2);
    e.officer_id = s.opt_i64(f + 3);
    e.partner_id = s.opt_i64(f + 4);
    e.slot = opt_int(s, f + 5);
    e.at = Timestamp{s.i64(f + 6)};
    e.closes_id = s.opt_i64(f + 7);
    return e;
}

Officer officer_from_row(const Statement& s, int f) {
    Officer o;
    o.id = s.i64(f);
    o.number = s.text(f + 1);
    o.name = s.text(f + 2);
    o.unit_id = s.i64(f + 3);
    o.role = code_to(kRoles, s.text(f + 4));
    o.active = s.i64(f + 5) != 0;
    return o;
}

FaultReportRecord fault_report_from_row(const Statement& s) {
        FaultReportRecord r;
        r.id = s.i64(0);
        r.device_id = s.i64(1);
        r.device_serial = s.text(2);
        r.kind = code_to(kFaultKinds, s.text(3));
        r.reported_by_id = s.opt_i64(4);
        r.reported_by = s.text(5);
        r.note = s.text(6);
        r.reported_at = Timestamp{s.i64(7)};
        r.compensation_case = s.i64(8) != 0;
        return r;
}

}  // namespace custody::db
