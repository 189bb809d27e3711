#include "db/custodian_rows.h"

#include <algorithm>
#include <cstring>

#include "db/canonical.h"
#include "db/pin_hash.h"
#include "db/rows.h"

namespace custody::db {

namespace {

InterruptionRecord interruption_from_row(const Statement& s) {
    return InterruptionRecord{s.i64(0), s.i64(1), s.i64(2), code_to(kInterruptionReasons, s.text(3)),
                              s.text(4), Timestamp{s.i64(5)}, s.text(6)};
}

#define CUSTODY_INTERRUPTION_COLUMNS \
    " i.id, i.job_id, i.officer_id, i.reason, i.basis, i.recorded_at_ms, i.recorded_by FROM interruption_records i "

}  // namespace

Result<std::optional<PinState>> CustodianRows::pin_state(Id officer_id) {
    auto q = c_.cached(
        "SELECT officer_id, set_at_ms, set_by, failed_attempts, locked_until_ms FROM custodian_pins WHERE officer_id=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, officer_id);
    return first<PinState>(**q, [](const Statement& s) {
        PinState p;
        p.officer_id = s.i64(0);
        p.set_at = Timestamp{s.i64(1)};
        p.set_by = s.text(2);
        p.failed_attempts = s.i32(3);
        if (!s.is_null(4)) p.locked_until = Timestamp{s.i64(4)};
        return p;
    });
}

Result<bool> CustodianRows::pin_matches(Id officer_id, const std::string& pin) {
    auto q = c_.cached("SELECT salt, hash, iterations FROM custodian_pins WHERE officer_id=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, officer_id);
    auto row = first<PinHash>(**q, [](const Statement& s) {
        PinHash h;
        auto salt = s.blob(0);
        auto hash = s.blob(1);
        // The schema fixes both lengths.
        std::memcpy(h.salt.data(), salt.data(), std::min(salt.size(), h.salt.size()));
        std::memcpy(h.hash.data(), hash.data(), std::min(hash.size(), h.hash.size()));
        h.iterations = s.i32(2);
        return h;
    });
    if (!row) return fail(row.error());
    if (!*row) return false;
    return pin_matches_hash(pin, **row);
}

Status CustodianRows::set_pin(Id officer_id, const std::string& pin, Timestamp at, const std::string& by,
                              const AuditNote& note) {
    auto h = hash_new_pin(pin);
    if (!h) return fail(h.error());
    auto q = c_.cached(
        "INSERT INTO custodian_pins(officer_id, salt, hash, iterations, set_at_ms, set_by, failed_attempts, "
        "locked_until_ms) VALUES (?,?,?,?,?,?,0,NULL) ON CONFLICT(officer_id) DO UPDATE SET salt=excluded.salt, "
        "hash=excluded.hash, iterations=excluded.iterations, set_at_ms=excluded.set_at_ms, set_by=excluded.set_by, "
        "failed_attempts=0, locked_until_ms=NULL");
    if (!q) return fail(q.error());
    (*q)->bind(1, officer_id).bind_blob(2, h->salt.data(), h->salt.size()).bind_blob(3, h->hash.data(), h->hash.size());
    (*q)->bind(4, h->iterations).bind(5, at.ms).bind(6, by);
    CUSTODY_TRY((*q)->run());
    return audit_(note, std::nullopt);
}

Status CustodianRows::record_pin_attempts(Id officer_id, int failed_attempts, std::optional<Timestamp> locked_until,
                                          const AuditNote& note) {
    auto q = c_.cached("UPDATE custodian_pins SET failed_attempts=?, locked_until_ms=? WHERE officer_id=?");
    if (!q) return fail(q.error());
    std::optional<std::int64_t> until;
    if (locked_until) until = locked_until->ms;
    (*q)->bind(1, failed_attempts).bind(2, until).bind(3, officer_id);
    CUSTODY_TRY((*q)->run());
    return audit_(note, std::nullopt);
}

Result<Id> CustodianRows::add_reconciliation(const Reconciliation& r, const AuditNote& note) {
    auto q = c_.cached(
        "INSERT INTO reconciliations(at_ms, made_by, cabinet_read, expected, in_slot, out, in_repair, quarantined, "
        "pending_offload, lost, discrepancies) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    if (!q) return fail(q.error());
    (*q)->bind(1, r.at.ms).bind(2, r.by).bind(3, r.cabinet_read ? 1 : 0).bind(4, r.expected).bind(5, r.in_slot);
    (*q)->bind(6, r.out).bind(7, r.in_repair).bind(8, r.quarantined).bind(9, r.pending_offload).bind(10, r.lost);
    (*q)->bind(11, r.discrepancies);
    CUSTODY_TRY((*q)->run());
    Reconciliation stored = r;
    stored.id = c_.last_insert_rowid();
    auto line = c_.cached(
        "INSERT INTO reconciliation_lines(reconciliation_id, device_id, slot, state, discrepancy) VALUES (?,?,?,?,?)");
    if (!line) return fail(line.error());
    for (const auto& l : r.lines) {
        std::optional<Id> device;
        if (l.device) device = l.device->id;
        (*line)->bind(1, stored.id).bind(2, device).bind(3, l.slot).bind(4, code_of(kInventoryStates, l.state));
        (*line)->bind(5, code_of(kDiscrepancies, l.discrepancy));
        CUSTODY_TRY((*line)->run());
    }
    // The digest ties the record and every line to its audit entry (R5: nobody alters
    // an inventory count behind the audit log's back).
    CUSTODY_TRY(audit_(note, RecordLink{"reconciliations", stored.id, sha256(canonical(stored))}));
    return stored.id;
}

Result<std::vector<ReconciliationLine>> CustodianRows::lines_of(Id reconciliation_id) {
    auto q = c_.cached("SELECT l.slot, l.state, l.discrepancy, l.device_id IS NOT NULL," CUSTODY_DEVICE_COLUMNS
                       "FROM reconciliation_lines l LEFT JOIN devices d ON d.id = l.device_id "
                       "WHERE l.reconciliation_id=? ORDER BY l.id");
    if (!q) return fail(q.error());
    (*q)->bind(1, reconciliation_id);
    return all<ReconciliationLine>(**q, [](const Statement& s) {
        ReconciliationLine l;
        l.slot = s.i32(0);
        l.state = code_to(kInventoryStates, s.text(1));
        l.discrepancy = code_to(kDiscrepancies, s.text(2));
        if (s.i64(3) != 0) l.device = device_from_row(s, 4);
        return l;
    });
}

Result<std::vector<Reconciliation>> CustodianRows::recent_reconciliations(int limit) {
    auto q = c_.cached(
        "SELECT id, at_ms, made_by, cabinet_read, expected, in_slot, out, in_repair, quarantined, pending_offload, "
        "lost, discrepancies FROM reconciliations ORDER BY id DESC LIMIT ?");
    if (!q) return fail(q.error());
    (*q)->bind(1, limit);
    auto heads = all<Reconciliation>(**q, [](const Statement& s) {
        Reconciliation r;
        r.id = s.i64(0);
        r.at = Timestamp{s.i64(1)};
        r.by = s.text(2);
        r.cabinet_read = s.i64(3) != 0;
        r.expected = s.i32(4);
        r.in_slot = s.i32(5);
        r.out = s.i32(6);
        r.in_repair = s.i32(7);
        r.quarantined = s.i32(8);
        r.pending_offload = s.i32(9);
        r.lost = s.i32(10);
        r.discrepancies = s.i32(11);
        return r;
    });
    if (!heads) return fail(heads.error());
    for (auto& r : *heads) {
        auto lines = lines_of(r.id);
        if (!lines) return fail(lines.error());
        r.lines = std::move(*lines);
    }
    return heads;
}

Result<Id> CustodianRows::add_fault_report(const FaultReportRecord& r, const AuditNote& note) {
    auto q = c_.cached(
        "INSERT INTO fault_reports(device_id, kind, reported_by_id, reported_by, note, reported_at_ms, "
        "compensation_case) VALUES (?,?,?,?,?,?,?)");
    if (!q) return fail(q.error());
    (*q)->bind(1, r.device_id).bind(2, code_of(kFaultKinds, r.kind)).bind(3, r.reported_by_id).bind(4, r.reported_by);
    (*q)->bind(5, r.note).bind(6, r.reported_at.ms).bind(7, r.compensation_case ? 1 : 0);
    CUSTODY_TRY((*q)->run());
    Id id = c_.last_insert_rowid();
    CUSTODY_TRY(audit_(note, std::nullopt));
    return id;
}

Result<std::vector<FaultReportRecord>> CustodianRows::open_fault_reports() {
    auto q = c_.cached(
        "SELECT" CUSTODY_FAULT_REPORT_COLUMNS
        "WHERE NOT EXISTS (SELECT 1 FROM fault_report_closures c WHERE c.report_id = f.id) ORDER BY f.id");
    if (!q) return fail(q.error());
    return all<FaultReportRecord>(**q, fault_report_from_row);
}

Status CustodianRows::close_fault_reports(Id device_id, Timestamp at, const std::string& by, const AuditNote& note) {
    auto q = c_.cached(
        "INSERT INTO fault_report_closures(report_id, closed_at_ms, closed_by) SELECT f.id, ?, ? FROM fault_reports f "
        "WHERE f.device_id=? AND NOT EXISTS (SELECT 1 FROM fault_report_closures c WHERE c.report_id = f.id)");
    if (!q) return fail(q.error());
    (*q)->bind(1, at.ms).bind(2, by).bind(3, device_id);
    CUSTODY_TRY((*q)->run());
    return audit_(note, std::nullopt);
}

Result<std::optional<InterruptionRecord>> CustodianRows::interruption(Id id) {
    auto q = c_.cached("SELECT" CUSTODY_INTERRUPTION_COLUMNS "WHERE i.id=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, id);
    return first<InterruptionRecord>(**q, interruption_from_row);
}

Result<std::vector<InterruptionRecord>> CustodianRows::unreviewed_interruptions() {
    auto q = c_.cached("SELECT" CUSTODY_INTERRUPTION_COLUMNS
                       "WHERE NOT EXISTS (SELECT 1 FROM interruption_approvals a WHERE a.interruption_id = i.id) "
                       "ORDER BY i.id");
    if (!q) return fail(q.error());
    return all<InterruptionRecord>(**q, interruption_from_row);
}

Result<std::optional<InterruptionApproval>> CustodianRows::approval_of(Id interruption_id) {
    auto q = c_.cached(
        "SELECT a.id, a.interruption_id, a.reviewer_id, o.number, a.note, a.reviewed_at_ms FROM interruption_approvals a "
        "JOIN officers o ON o.id = a.reviewer_id WHERE a.interruption_id=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, interruption_id);
    return first<InterruptionApproval>(**q, [](const Statement& s) {
        return InterruptionApproval{s.i64(0), s.i64(1), s.i64(2), s.text(3), s.text(4), Timestamp{s.i64(5)}};
    });
}

Result<Id> CustodianRows::add_interruption_approval(const InterruptionApproval& a, const AuditNote& note) {
    auto q = c_.cached(
        "INSERT INTO interruption_approvals(interruption_id, reviewer_id, note, reviewed_at_ms) VALUES (?,?,?,?)");
    if (!q) return fail(q.error());
    (*q)->bind(1, a.interruption_id).bind(2, a.reviewer_id).bind(3, a.note).bind(4, a.reviewed_at.ms);
    CUSTODY_TRY((*q)->run());
    Id id = c_.last_insert_rowid();
    CUSTODY_TRY(audit_(note, std::nullopt));
    return id;
}

}  // namespace custody::db
