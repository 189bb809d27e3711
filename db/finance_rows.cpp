#include "db/finance_rows.h"

#include <stdexcept>

#include "db/row_digest.h"
#include "db/rows.h"

namespace custody::db {

namespace {

// The schema stores dates as 'YYYY-MM-DD' written by this program: anything else is a bug.
CivilDate date_at(const Statement& s, int col) {
    auto d = parse_civil_date(s.text(col));
    if (!d) throw std::logic_error("not a date in database: " + s.text(col));
    return *d;
}
std::optional<CivilDate> opt_date_at(const Statement& s, int col) {
    if (s.is_null(col)) return std::nullopt;
    return date_at(s, col);
}
std::optional<std::string> opt_date_text(const std::optional<CivilDate>& d) {
    if (!d) return std::nullopt;
    return date_text(*d);
}
std::optional<std::string> opt_text_at(const Statement& s, int col) {
    if (s.is_null(col)) return std::nullopt;
    return s.text(col);
}
AccountingMonth month_at(const Statement& s, int col) {
    auto m = parse_month(s.text(col));
    if (!m) throw std::logic_error("not a month in database: " + s.text(col));
    return *m;
}

#define CUSTODY_CARD_COLUMNS                                                                                        \
    " a.id, a.device_id, d.serial, a.asset_number, a.category_code, a.purchase_date, a.in_service_date, "          \
    "a.original_fen, a.funding_source, a.supplier, a.invoice_number, a.warranty_end, a.useful_life_months, "      \
    "a.method, a.total_workload_hours, a.location, a.registered_at_ms, a.registered_by, a.disposed_on "           \
    "FROM asset_cards a JOIN devices d ON d.id = a.device_id "

AssetCard card_from_row(const Statement& s) {
    AssetCard a;
    a.id = s.i64(0);
    a.device_id = s.i64(1);
    a.device_serial = s.text(2);
    a.asset_number = s.text(3);
    a.category_code = s.text(4);
    a.purchase_date = date_at(s, 5);
    a.in_service_date = date_at(s, 6);
    a.original_value = s.i64(7);
    a.funding_source = s.text(8);
    a.supplier = s.text(9);
    a.invoice_number = s.text(10);
    a.warranty_end = opt_date_at(s, 11);
    a.useful_life_months = s.i32(12);
    a.method = code_to(kDepreciationMethods, s.text(13));
    a.total_workload_hours = s.i64(14);
    a.location = s.text(15);
    a.registered_at = Timestamp{s.i64(16)};
    a.registered_by = s.text(17);
    a.disposed_on = opt_date_at(s, 18);
    return a;
}

#define CUSTODY_CLOSE_COLUMNS \
    " month, closed_at_ms, closed_by, policy, residual_rate_bp, assets, total_charge_fen FROM month_closes "

MonthClose close_from_row(const Statement& s) {
    MonthClose m;
    m.month = month_at(s, 0);
    m.closed_at = Timestamp{s.i64(1)};
    m.closed_by = s.text(2);
    m.profile.policy = code_to(kDepreciationPolicies, s.text(3));
    m.profile.residual_rate_bp = s.i64(4);
    m.assets = s.i32(5);
    m.total_charge = s.i64(6);
    return m;
}

#define CUSTODY_LINE_COLUMNS                                                                                    \
    " month, asset_id, original_fen, residual_fen, charge_fen, accumulated_fen, net_book_value_fen, "          \
    "months_charged, workload_hours, workload_used_hours, useful_life_months, method, policy, residual_rate_bp, " \
    "value_date FROM depreciation_lines "

DepreciationLine line_from_row(const Statement& s) {
    DepreciationLine l;
    l.month = month_at(s, 0);
    l.asset_id = s.i64(1);
    l.original_value = s.i64(2);
    l.residual_value = s.i64(3);
    l.charge = s.i64(4);
    l.accumulated = s.i64(5);
    l.net_book_value = s.i64(6);
    l.months_charged = s.i32(7);
    l.workload_hours = s.i64(8);
    l.workload_used_hours = s.i64(9);
    l.useful_life_months = s.i32(10);
    l.method = code_to(kDepreciationMethods, s.text(11));
    l.policy = code_to(kDepreciationPolicies, s.text(12));
    l.residual_rate_bp = s.i64(13);
    l.value_date = date_at(s, 14);
    return l;
}

#define CUSTODY_REPAIR_COLUMNS                                                                               \
    " r.id, r.device_id, d.serial, r.fault_report_id, r.problem, r.opened_at_ms, r.opened_by, r.supplier, "   \
    "r.sent_on, r.sent_entry_id, r.returned_on, r.back_entry_id, r.cost_fen, r.outcome, r.outcome_note "      \
    "FROM repair_orders r JOIN devices d ON d.id = r.device_id "

RepairOrder repair_from_row(const Statement& s) {
    RepairOrder r;
    r.id = s.i64(0);
    r.device_id = s.i64(1);
    r.device_serial = s.text(2);
    r.fault_report_id = s.opt_i64(3);
    r.problem = s.text(4);
    r.opened_at = Timestamp{s.i64(5)};
    r.opened_by = s.text(6);
    r.supplier = opt_text_at(s, 7);
    r.sent_on = opt_date_at(s, 8);
    r.sent_entry_id = s.opt_i64(9);
    r.returned_on = opt_date_at(s, 10);
    r.back_entry_id = s.opt_i64(11);
    r.cost = s.opt_i64(12);
    if (!s.is_null(13)) r.outcome = code_to(kRepairOutcomes, s.text(13));
    r.outcome_note = s.text(14);
    return r;
}

#define CUSTODY_CASE_COLUMNS                                                                                       \
    " id, device_id, asset_id, source, fault_report_id, reconciliation_id, loss, incident_at_ms, opened_at_ms, "   \
    "opened_by, liable_officer_id, liable_basis, holding_entry_id, cause, basis, basis_fen, rate_bp, "             \
    "liability_fen, value_date, depreciation_method, depreciation_policy, value_from_closed_month, note "          \
    "FROM compensation_cases "

CompensationCase case_from_row(const Statement& s) {
    CompensationCase c;
    c.id = s.i64(0);
    c.device_id = s.i64(1);
    c.asset_id = s.i64(2);
    c.source = code_to(kCaseSources, s.text(3));
    c.fault_report_id = s.opt_i64(4);
    c.reconciliation_id = s.opt_i64(5);
    c.loss = s.i64(6) != 0;
    c.incident_at = Timestamp{s.i64(7)};
    c.opened_at = Timestamp{s.i64(8)};
    c.opened_by = s.text(9);
    c.liable_officer_id = s.i64(10);
    c.liable_basis = code_to(kLiableBases, s.text(11));
    c.holding_entry_id = s.opt_i64(12);
    c.liability.cause = code_to(kCompensationCauses, s.text(13));
    c.liability.basis = code_to(kLiabilityBases, s.text(14));
    c.liability.basis_amount = s.i64(15);
    c.liability.rate_bp = s.i64(16);
    c.liability.amount = s.i64(17);
    c.value_date = date_at(s, 18);
    c.depreciation_method = code_to(kDepreciationMethods, s.text(19));
    c.depreciation_policy = code_to(kDepreciationPolicies, s.text(20));
    c.value_from_closed_month = s.i64(21) != 0;
    c.note = s.text(22);
    return c;
}

}  // namespace

Status FinanceRows::audit_linked(const char* table, std::int64_t rowid, const AuditNote& note) {
    const DigestedTable* t = digested_table(table);
    if (t == nullptr) throw std::logic_error(std::string("no digest for table ") + table);
    auto digest = row_digest(c_, *t, rowid);
    if (!digest) return fail(digest.error());
    return audit_(note, RecordLink{table, rowid, *digest});
}

Result<Id> FinanceRows::insert_linked(Statement& q, const char* table, const AuditNote& note) {
    CUSTODY_TRY(q.run());
    Id id = c_.last_insert_rowid();
    CUSTODY_TRY(audit_linked(table, id, note));
    return id;
}

// --- reads

Result<std::vector<AssetCategory>> FinanceRows::asset_categories() {
    auto q = c_.cached("SELECT code, name, min_life_months, life_months FROM asset_categories ORDER BY code");
    if (!q) return fail(q.error());
    return all<AssetCategory>(**q, [](const Statement& s) {
        return AssetCategory{s.text(0), s.text(1), s.i32(2), s.i32(3)};
    });
}

Result<std::optional<AssetCategory>> FinanceRows::asset_category(const std::string& code) {
    auto q = c_.cached("SELECT code, name, min_life_months, life_months FROM asset_categories WHERE code=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, code);
    return first<AssetCategory>(**q, [](const Statement& s) {
        return AssetCategory{s.text(0), s.text(1), s.i32(2), s.i32(3)};
    });
}

Result<std::vector<AssetCard>> FinanceRows::asset_cards() {
    auto q = c_.cached("SELECT" CUSTODY_CARD_COLUMNS "ORDER BY a.asset_number");
    if (!q) return fail(q.error());
    return all<AssetCard>(**q, card_from_row);
}

Result<std::optional<AssetCard>> FinanceRows::asset_card(Id id) {
    auto q = c_.cached("SELECT" CUSTODY_CARD_COLUMNS "WHERE a.id=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, id);
    return first<AssetCard>(**q, card_from_row);
}

Result<std::optional<AssetCard>> FinanceRows::asset_card_by_number(const std::string& number) {
    auto q = c_.cached("SELECT" CUSTODY_CARD_COLUMNS "WHERE a.asset_number=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, number);
    return first<AssetCard>(**q, card_from_row);
}

Result<std::optional<AssetCard>> FinanceRows::asset_card_of_device(Id device_id) {
    auto q = c_.cached("SELECT" CUSTODY_CARD_COLUMNS "WHERE a.device_id=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, device_id);
    return first<AssetCard>(**q, card_from_row);
}

Result<std::vector<AssetEvent>> FinanceRows::asset_events(Id asset_id) {
    auto q = c_.cached("SELECT id, asset_id, at_ms, kind, by, detail FROM asset_events WHERE asset_id=? ORDER BY id");
    if (!q) return fail(q.error());
    (*q)->bind(1, asset_id);
    return all<AssetEvent>(**q, [](const Statement& s) {
        return AssetEvent{s.i64(0), s.i64(1), Timestamp{s.i64(2)}, code_to(kAssetEventKinds, s.text(3)), s.text(4),
                          s.text(5)};
    });
}

Result<std::optional<AssetDisposal>> FinanceRows::disposal_of(Id asset_id) {
    auto q = c_.cached(
        "SELECT id, asset_id, disposed_on, reason, requested_by, approved_by_id, net_book_value_fen, at_ms "
        "FROM asset_disposals WHERE asset_id=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, asset_id);
    return first<AssetDisposal>(**q, [](const Statement& s) {
        return AssetDisposal{s.i64(0), s.i64(1), date_at(s, 2), s.text(3), s.text(4), s.i64(5), s.i64(6),
                             Timestamp{s.i64(7)}};
    });
}

Result<std::optional<MonthClose>> FinanceRows::latest_month_close() {
    auto q = c_.cached("SELECT" CUSTODY_CLOSE_COLUMNS "ORDER BY month DESC LIMIT 1");
    if (!q) return fail(q.error());
    return first<MonthClose>(**q, close_from_row);
}

Result<std::optional<MonthClose>> FinanceRows::month_close(AccountingMonth month) {
    auto q = c_.cached("SELECT" CUSTODY_CLOSE_COLUMNS "WHERE month=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, month_text(month));
    return first<MonthClose>(**q, close_from_row);
}

Result<std::vector<DepreciationLine>> FinanceRows::depreciation_lines(AccountingMonth month) {
    auto q = c_.cached("SELECT" CUSTODY_LINE_COLUMNS "WHERE month=? ORDER BY asset_id");
    if (!q) return fail(q.error());
    (*q)->bind(1, month_text(month));
    return all<DepreciationLine>(**q, line_from_row);
}

Result<std::optional<DepreciationLine>> FinanceRows::depreciation_line(Id asset_id, AccountingMonth month) {
    auto q = c_.cached("SELECT" CUSTODY_LINE_COLUMNS "WHERE month=? AND asset_id=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, month_text(month)).bind(2, asset_id);
    return first<DepreciationLine>(**q, line_from_row);
}

Result<std::int64_t> FinanceRows::hours_out(Id device_id, Timestamp from, Timestamp to) {
    // Each checkout counts from its time to the entry that closed it (or `to`), clipped to
    // the period. A voided checkout never left the cabinet.
    auto q = c_.cached(
        "SELECT COALESCE(SUM(MAX(0, MIN(COALESCE(r.at_ms, ?2), ?2) - MAX(c.at_ms, ?1))), 0) "
        "FROM custody_entries c LEFT JOIN custody_entries r ON r.closes_id = c.id "
        "WHERE c.device_id = ?3 AND c.kind = 'checkout' AND c.at_ms < ?2 AND COALESCE(r.at_ms, ?2) > ?1 "
        "AND (r.kind IS NULL OR r.kind <> 'voided')");
    if (!q) return fail(q.error());
    (*q)->bind(1, from.ms).bind(2, to.ms).bind(3, device_id);
    auto ms = first<std::int64_t>(**q, [](const Statement& s) { return s.i64(0); });
    if (!ms) return fail(ms.error());
    return ms->value_or(0) / (3600 * 1000);
}

Result<std::optional<CustodyEntry>> FinanceRows::checkout_at(Id device_id, Timestamp at) {
    auto q = c_.cached(
        "SELECT" CUSTODY_ENTRY_COLUMNS "FROM custody_entries c LEFT JOIN custody_entries r ON r.closes_id = c.id "
        "WHERE c.device_id=? AND c.kind='checkout' AND c.at_ms<=? AND (r.kind IS NULL OR r.kind <> 'voided') "
        "ORDER BY c.at_ms DESC, c.id DESC LIMIT 1");
    if (!q) return fail(q.error());
    (*q)->bind(1, device_id).bind(2, at.ms);
    return first<CustodyEntry>(**q, [](const Statement& s) { return entry_from_row(s); });
}

Result<std::optional<FaultReportRecord>> FinanceRows::fault_report(Id id) {
    auto q = c_.cached(
        "SELECT" CUSTODY_FAULT_REPORT_COLUMNS "WHERE f.id=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, id);
    return first<FaultReportRecord>(**q, fault_report_from_row);
}

Result<std::vector<RepairOrder>> FinanceRows::repair_orders() {
    auto q = c_.cached("SELECT" CUSTODY_REPAIR_COLUMNS "ORDER BY r.id");
    if (!q) return fail(q.error());
    return all<RepairOrder>(**q, repair_from_row);
}

Result<std::optional<RepairOrder>> FinanceRows::repair_order(Id id) {
    auto q = c_.cached("SELECT" CUSTODY_REPAIR_COLUMNS "WHERE r.id=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, id);
    return first<RepairOrder>(**q, repair_from_row);
}

Result<std::optional<RepairOrder>> FinanceRows::open_repair_of(Id device_id) {
    auto q = c_.cached("SELECT" CUSTODY_REPAIR_COLUMNS "WHERE r.device_id=? AND r.outcome IS NULL");
    if (!q) return fail(q.error());
    (*q)->bind(1, device_id);
    return first<RepairOrder>(**q, repair_from_row);
}

Result<std::vector<CompensationCase>> FinanceRows::compensation_cases() {
    auto q = c_.cached("SELECT" CUSTODY_CASE_COLUMNS "ORDER BY id");
    if (!q) return fail(q.error());
    return all<CompensationCase>(**q, case_from_row);
}

Result<std::optional<CompensationCase>> FinanceRows::compensation_case(Id id) {
    auto q = c_.cached("SELECT" CUSTODY_CASE_COLUMNS "WHERE id=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, id);
    return first<CompensationCase>(**q, case_from_row);
}

Result<std::optional<CompensationCase>> FinanceRows::case_of_fault_report(Id fault_report_id) {
    auto q = c_.cached("SELECT" CUSTODY_CASE_COLUMNS "WHERE fault_report_id=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, fault_report_id);
    return first<CompensationCase>(**q, case_from_row);
}

Result<std::vector<CompensationEvent>> FinanceRows::compensation_events(Id case_id) {
    auto q = c_.cached(
        "SELECT id, case_id, at_ms, kind, by_id, approved, reason, amount_fen, paid_on, receipt_number "
        "FROM compensation_events WHERE case_id=? ORDER BY id");
    if (!q) return fail(q.error());
    (*q)->bind(1, case_id);
    return all<CompensationEvent>(**q, [](const Statement& s) {
        CompensationEvent e;
        e.id = s.i64(0);
        e.case_id = s.i64(1);
        e.at = Timestamp{s.i64(2)};
        e.step = code_to(kCaseSteps, s.text(3));
        e.by_id = s.i64(4);
        if (!s.is_null(5)) e.approved = s.i64(5) != 0;
        e.reason = s.text(6);
        e.amount = s.opt_i64(7);
        e.paid_on = opt_date_at(s, 8);
        e.receipt_number = opt_text_at(s, 9);
        return e;
    });
}

Result<std::vector<Violation>> FinanceRows::violations_of_case(Id case_id) {
    auto q = c_.cached(
        "SELECT id, officer_id, kind, opened_at_ms, opened_by, compensation_case_id, note FROM violations "
        "WHERE compensation_case_id=? ORDER BY id");
    if (!q) return fail(q.error());
    (*q)->bind(1, case_id);
    return all<Violation>(**q, [](const Statement& s) {
        return Violation{s.i64(0), s.i64(1), code_to(kViolationKinds, s.text(2)), Timestamp{s.i64(3)}, s.text(4),
                         s.opt_i64(5), s.text(6)};
    });
}

// --- writes

Result<Id> FinanceRows::add_asset_card(const AssetCard& a, const AuditNote& note) {
    auto q = c_.cached(
        "INSERT INTO asset_cards(device_id, asset_number, category_code, purchase_date, in_service_date, original_fen, "
        "funding_source, supplier, invoice_number, warranty_end, useful_life_months, method, total_workload_hours, "
        "location, registered_at_ms, registered_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!q) return fail(q.error());
    (*q)->bind(1, a.device_id).bind(2, a.asset_number).bind(3, a.category_code).bind(4, date_text(a.purchase_date));
    (*q)->bind(5, date_text(a.in_service_date)).bind(6, a.original_value).bind(7, a.funding_source);
    (*q)->bind(8, a.supplier).bind(9, a.invoice_number).bind(10, opt_date_text(a.warranty_end));
    (*q)->bind(11, a.useful_life_months).bind(12, code_of(kDepreciationMethods, a.method));
    (*q)->bind(13, a.total_workload_hours).bind(14, a.location).bind(15, a.registered_at.ms).bind(16, a.registered_by);
    return insert_linked(**q, "asset_cards", note);
}

Result<Id> FinanceRows::add_asset_event(const AssetEvent& e, const AuditNote& note) {
    auto q = c_.cached("INSERT INTO asset_events(asset_id, at_ms, kind, by, detail) VALUES (?,?,?,?,?)");
    if (!q) return fail(q.error());
    (*q)->bind(1, e.asset_id).bind(2, e.at.ms).bind(3, code_of(kAssetEventKinds, e.kind)).bind(4, e.by);
    (*q)->bind(5, e.detail);
    return insert_linked(**q, "asset_events", note);
}

Status FinanceRows::set_asset_location(Id asset_id, const std::string& location, const AuditNote& note) {
    auto q = c_.cached("UPDATE asset_cards SET location=? WHERE id=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, location).bind(2, asset_id);
    CUSTODY_TRY((*q)->run());
    return audit_(note, std::nullopt);
}

Status FinanceRows::set_asset_life(Id asset_id, int months, const AuditNote& note) {
    auto q = c_.cached("UPDATE asset_cards SET useful_life_months=? WHERE id=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, months).bind(2, asset_id);
    CUSTODY_TRY((*q)->run());
    return audit_(note, std::nullopt);
}

Status FinanceRows::set_category_life(const std::string& code, int months, const AuditNote& note) {
    auto q = c_.cached("UPDATE asset_categories SET life_months=? WHERE code=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, months).bind(2, code);
    CUSTODY_TRY((*q)->run());
    return audit_(note, std::nullopt);
}

Result<Id> FinanceRows::add_disposal(const AssetDisposal& d, const AuditNote& note) {
    auto q = c_.cached(
        "INSERT INTO asset_disposals(asset_id, disposed_on, reason, requested_by, approved_by_id, net_book_value_fen, "
        "at_ms) VALUES (?,?,?,?,?,?,?)");
    if (!q) return fail(q.error());
    (*q)->bind(1, d.asset_id).bind(2, date_text(d.disposed_on)).bind(3, d.reason).bind(4, d.requested_by);
    (*q)->bind(5, d.approved_by_id).bind(6, d.net_book_value).bind(7, d.at.ms);
    auto id = insert_linked(**q, "asset_disposals", note);
    if (!id) return id;
    auto mark = c_.cached("UPDATE asset_cards SET disposed_on=? WHERE id=?");
    if (!mark) return fail(mark.error());
    (*mark)->bind(1, date_text(d.disposed_on)).bind(2, d.asset_id);
    CUSTODY_TRY((*mark)->run());
    return id;
}

Status FinanceRows::add_month_close(const MonthClose& m, const std::vector<DepreciationLine>& lines,
                                    const AuditNote& note) {
    auto q = c_.cached(
        "INSERT INTO month_closes(month, closed_at_ms, closed_by, policy, residual_rate_bp, assets, total_charge_fen) "
        "VALUES (?,?,?,?,?,?,?)");
    if (!q) return fail(q.error());
    (*q)->bind(1, month_text(m.month)).bind(2, m.closed_at.ms).bind(3, m.closed_by);
    (*q)->bind(4, code_of(kDepreciationPolicies, m.profile.policy)).bind(5, m.profile.residual_rate_bp);
    (*q)->bind(6, m.assets).bind(7, m.total_charge);
    CUSTODY_TRY((*q)->run());
    Id rowid = c_.last_insert_rowid();
    auto line = c_.cached(
        "INSERT INTO depreciation_lines(month, asset_id, original_fen, residual_fen, charge_fen, accumulated_fen, "
        "net_book_value_fen, months_charged, workload_hours, workload_used_hours, useful_life_months, method, policy, "
        "residual_rate_bp, value_date) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!line) return fail(line.error());
    for (const auto& l : lines) {
        (*line)->bind(1, month_text(l.month)).bind(2, l.asset_id).bind(3, l.original_value).bind(4, l.residual_value);
        (*line)->bind(5, l.charge).bind(6, l.accumulated).bind(7, l.net_book_value).bind(8, l.months_charged);
        (*line)->bind(9, l.workload_hours).bind(10, l.workload_used_hours).bind(11, l.useful_life_months);
        (*line)->bind(12, code_of(kDepreciationMethods, l.method)).bind(13, code_of(kDepreciationPolicies, l.policy));
        (*line)->bind(14, l.residual_rate_bp).bind(15, date_text(l.value_date));
        CUSTODY_TRY((*line)->run());
    }
    // The digest covers the lines: a figure edited in a closed month breaks verify.
    return audit_linked("month_closes", rowid, note);
}

Result<Id> FinanceRows::add_repair_order(const RepairOrder& r, const AuditNote& note) {
    auto q = c_.cached(
        "INSERT INTO repair_orders(device_id, fault_report_id, problem, opened_at_ms, opened_by) VALUES (?,?,?,?,?)");
    if (!q) return fail(q.error());
    (*q)->bind(1, r.device_id).bind(2, r.fault_report_id).bind(3, r.problem).bind(4, r.opened_at.ms);
    (*q)->bind(5, r.opened_by);
    return insert_linked(**q, "repair_orders", note);
}

Status FinanceRows::update_repair_order(const RepairOrder& r, const AuditNote& note) {
    // COALESCE keeps a value already written; the schema's trigger refuses changing one.
    auto q = c_.cached(
        "UPDATE repair_orders SET supplier=COALESCE(supplier, ?), sent_on=COALESCE(sent_on, ?), "
        "sent_entry_id=COALESCE(sent_entry_id, ?), returned_on=COALESCE(returned_on, ?), "
        "back_entry_id=COALESCE(back_entry_id, ?), cost_fen=COALESCE(cost_fen, ?), outcome=COALESCE(outcome, ?), "
        "outcome_note=COALESCE(outcome_note, ?) WHERE id=?");
    if (!q) return fail(q.error());
    std::optional<std::string> outcome;
    if (r.outcome) outcome = code_of(kRepairOutcomes, *r.outcome);
    std::optional<std::string> outcome_note;
    if (r.outcome) outcome_note = r.outcome_note;
    (*q)->bind(1, r.supplier).bind(2, opt_date_text(r.sent_on)).bind(3, r.sent_entry_id);
    (*q)->bind(4, opt_date_text(r.returned_on)).bind(5, r.back_entry_id).bind(6, r.cost).bind(7, outcome);
    (*q)->bind(8, outcome_note).bind(9, r.id);
    CUSTODY_TRY((*q)->run());
    return audit_(note, std::nullopt);
}

Result<Id> FinanceRows::add_compensation_case(const CompensationCase& c, const AuditNote& note) {
    auto q = c_.cached(
        "INSERT INTO compensation_cases(device_id, asset_id, source, fault_report_id, reconciliation_id, loss, "
        "incident_at_ms, opened_at_ms, opened_by, liable_officer_id, liable_basis, holding_entry_id, cause, basis, "
        "basis_fen, rate_bp, liability_fen, value_date, depreciation_method, depreciation_policy, "
        "value_from_closed_month, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!q) return fail(q.error());
    (*q)->bind(1, c.device_id).bind(2, c.asset_id).bind(3, code_of(kCaseSources, c.source));
    (*q)->bind(4, c.fault_report_id).bind(5, c.reconciliation_id).bind(6, c.loss ? 1 : 0);
    (*q)->bind(7, c.incident_at.ms).bind(8, c.opened_at.ms).bind(9, c.opened_by).bind(10, c.liable_officer_id);
    (*q)->bind(11, code_of(kLiableBases, c.liable_basis)).bind(12, c.holding_entry_id);
    (*q)->bind(13, code_of(kCompensationCauses, c.liability.cause)).bind(14, code_of(kLiabilityBases, c.liability.basis));
    (*q)->bind(15, c.liability.basis_amount).bind(16, c.liability.rate_bp).bind(17, c.liability.amount);
    (*q)->bind(18, date_text(c.value_date)).bind(19, code_of(kDepreciationMethods, c.depreciation_method));
    (*q)->bind(20, code_of(kDepreciationPolicies, c.depreciation_policy)).bind(21, c.value_from_closed_month ? 1 : 0);
    (*q)->bind(22, c.note);
    return insert_linked(**q, "compensation_cases", note);
}

Result<Id> FinanceRows::add_compensation_event(const CompensationEvent& e, const AuditNote& note) {
    auto q = c_.cached(
        "INSERT INTO compensation_events(case_id, at_ms, kind, by_id, approved, reason, amount_fen, paid_on, "
        "receipt_number) VALUES (?,?,?,?,?,?,?,?,?)");
    if (!q) return fail(q.error());
    std::optional<std::int64_t> approved;
    if (e.approved) approved = *e.approved ? 1 : 0;
    (*q)->bind(1, e.case_id).bind(2, e.at.ms).bind(3, code_of(kCaseSteps, e.step)).bind(4, e.by_id);
    (*q)->bind(5, approved).bind(6, e.reason).bind(7, e.amount).bind(8, opt_date_text(e.paid_on));
    (*q)->bind(9, e.receipt_number);
    return insert_linked(**q, "compensation_events", note);
}

Result<Id> FinanceRows::add_violation(const Violation& v, const AuditNote& note) {
    auto q = c_.cached(
        "INSERT INTO violations(officer_id, kind, opened_at_ms, opened_by, compensation_case_id, note) "
        "VALUES (?,?,?,?,?,?)");
    if (!q) return fail(q.error());
    (*q)->bind(1, v.officer_id).bind(2, code_of(kViolationKinds, v.kind)).bind(3, v.opened_at.ms);
    (*q)->bind(4, v.opened_by).bind(5, v.compensation_case_id).bind(6, v.note);
    return insert_linked(**q, "violations", note);
}

}  // namespace custody::db
