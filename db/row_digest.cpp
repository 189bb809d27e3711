#include "db/row_digest.h"

#include <map>

namespace custody::db {

namespace {

const DigestedTable kTables[] = {
    {"asset_cards",
     "device_id, asset_number, category_code, purchase_date, in_service_date, original_fen, funding_source, "
     "supplier, invoice_number, warranty_end, method, total_workload_hours, registered_at_ms, registered_by"},
    {"asset_events", "asset_id, at_ms, kind, by, detail"},
    {"asset_disposals",
     "asset_id, disposed_on, reason, requested_by, approved_by_id, net_book_value_fen, at_ms"},
    {"month_closes", "month, closed_at_ms, closed_by, policy, residual_rate_bp, assets, total_charge_fen",
     "SELECT asset_id, original_fen, residual_fen, charge_fen, accumulated_fen, net_book_value_fen, months_charged, "
     "workload_hours, workload_used_hours, useful_life_months, method, policy, residual_rate_bp, value_date "
     "FROM depreciation_lines WHERE month=(SELECT month FROM month_closes WHERE rowid=?) ORDER BY asset_id"},
    {"repair_orders", "device_id, fault_report_id, problem, opened_at_ms, opened_by"},
    {"compensation_cases",
     "device_id, asset_id, source, fault_report_id, reconciliation_id, loss, incident_at_ms, opened_at_ms, "
     "opened_by, liable_officer_id, liable_basis, holding_entry_id, cause, basis, basis_fen, rate_bp, liability_fen, "
     "value_date, depreciation_method, depreciation_policy, value_from_closed_month, note"},
    {"compensation_events",
     "case_id, at_ms, kind, by_id, approved, reason, amount_fen, paid_on, receipt_number"},
    {"violations", "officer_id, kind, opened_at_ms, opened_by, compensation_case_id, note"},
};

// Type-tagged and length-prefixed, so that no value can pass for another or for two.
void append_value(std::string& out, const Statement& s, int col) {
    switch (s.column_type(col)) {
        case SQLITE_NULL: out += "n;"; return;
        case SQLITE_INTEGER: out += "i" + std::to_string(s.i64(col)) + ";"; return;
        case SQLITE_FLOAT: out += "f" + std::to_string(s.f64(col)) + ";"; return;
        default: {
            auto v = s.blob_view(col);
            out += "t" + std::to_string(v.size()) + ":";
            out.append(v.data(), v.size());
            return;
        }
    }
}

Status append_rows(Connection& c, const char* sql, std::int64_t rowid, std::string& out) {
    auto q = c.cached(sql);
    if (!q) return fail(q.error());
    (*q)->bind(1, rowid);
    while (true) {
        auto r = (*q)->step();
        if (!r) {
            (*q)->reset();
            return fail(r.error());
        }
        if (!*r) break;
        out += "(";
        for (int i = 0; i < (*q)->column_count(); ++i) append_value(out, **q, i);
        out += ")";
    }
    (*q)->reset();
    return {};
}

}  // namespace

std::span<const DigestedTable> digested_tables() { return kTables; }

const DigestedTable* digested_table(const std::string& table) {
    for (const auto& t : kTables)
        if (table == t.table) return &t;
    return nullptr;
}

Result<std::string> row_bytes(Connection& c, const DigestedTable& t, std::int64_t rowid) {
    // The statement cache is keyed by the literal's address: the text is built once per table.
    static thread_local std::map<const DigestedTable*, std::string> row_sql;
    auto& sql = row_sql[&t];
    if (sql.empty()) sql = std::string("SELECT ") + t.columns + " FROM " + t.table + " WHERE rowid=?";
    std::string bytes = std::string(t.table) + "/row;";
    CUSTODY_TRY(append_rows(c, sql.c_str(), rowid, bytes));
    if (t.children) {
        bytes += "children;";
        CUSTODY_TRY(append_rows(c, t.children, rowid, bytes));
    }
    return bytes;
}

Result<Digest> row_digest(Connection& c, const DigestedTable& t, std::int64_t rowid) {
    auto bytes = row_bytes(c, t, rowid);
    if (!bytes) return fail(bytes.error());
    return sha256(*bytes);
}

}  // namespace custody::db
