#pragma once
// Column lists and row mapping shared by the store, the verifier and the ledger query.

#include <optional>
#include <span>
#include <vector>
#include <stdexcept>
#include <string>

#include "db/sqlite.h"
#include "kiosk/core/custody_entry.h"
#include "kiosk/core/device.h"
#include "kiosk/core/fault_report_record.h"
#include "kiosk/core/officer.h"
#include "kiosk/core/unit.h"

namespace custody::db {

// Macros, not constants, so that queries stay single string literals (the statement
// cache is keyed by the literal).
#define CUSTODY_DEVICE_COLUMNS                                                                      \
    " d.id, d.serial, d.kind, d.brand, d.model, d.firmware, d.unit_id, d.keeper_id, d.status, d.slot, " \
    "d.open_checkout_id, d.last_issued_at_ms "
#define CUSTODY_ENTRY_COLUMNS " c.id, c.kind, c.device_id, c.officer_id, c.partner_id, c.slot, c.at_ms, c.closes_id "
#define CUSTODY_FAULT_REPORT_COLUMNS                                                                   \
    " f.id, f.device_id, d.serial, f.kind, f.reported_by_id, f.reported_by, f.note, f.reported_at_ms, " \
    "f.compensation_case FROM fault_reports f JOIN devices d ON d.id = f.device_id "
#define CUSTODY_OFFICER_COLUMNS " o.id, o.number, o.name, o.unit_id, o.role, o.active "
inline constexpr int kDeviceColumnCount = 12;
inline constexpr int kEntryColumnCount = 8;

// The schema's CHECK constraints make an unknown code a bug, not an input error.
template <class Table>
auto code_to(const Table& table, const std::string& code) {
    auto v = parse_named(table, code);
    if (!v) throw std::logic_error("unknown code in database: " + code);
    return *v;
}
template <class Table, class E>
std::string code_of(const Table& table, E v) {
    return std::string(named(table, v).code);
}

// Every row of a query, mapped; the statement is reset afterwards.
template <class T, class F>
Result<std::vector<T>> all(Statement& s, F map) {
    std::vector<T> out;
    while (true) {
        auto r = s.step();
        if (!r) return fail(r.error());
        if (!*r) break;
        out.push_back(map(s));
    }
    s.reset();
    return out;
}

// The first row, if any.
template <class T, class F>
Result<std::optional<T>> first(Statement& s, F map) {
    auto rows = all<T>(s, map);
    if (!rows) return fail(rows.error());
    if (rows->empty()) return std::optional<T>();
    return std::optional<T>(std::move(rows->front()));
}

Device device_from_row(const Statement& s, int first = 0);
CustodyEntry entry_from_row(const Statement& s, int first = 0);
Officer officer_from_row(const Statement& s, int first = 0);
FaultReportRecord fault_report_from_row(const Statement& s);

}  // namespace custody::db
