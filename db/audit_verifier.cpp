#include "db/audit_verifier.h"

#include <algorithm>
#include <map>
#include <vector>

#include "db/audit_chain.h"
#include "db/canonical.h"
#include "db/head_anchor.h"
#include "db/row_digest.h"
#include "db/rows.h"

namespace custody::db {

namespace {

struct Link {
    std::int64_t record_id;
    std::int64_t seq;
    Digest digest;
};

Error broken_at(std::int64_t seq, Error cause) {
    return Error(MessageId::AuditBroken, {std::to_string(seq)}).with_cause(std::move(cause));
}

// Merges the rows of one append-only table with the audit links to them, both in id
// order, and returns the first discrepancy (by audit seq for edited or deleted rows).
struct Finding {
    std::int64_t seq;  // the entry it concerns; rows nobody audited rank last
    Error error;
};

template <class RowDigest>
Result<std::optional<Finding>> check_table(Connection& c, const char* sql, const char* table,
                                         std::vector<Link>& links, RowDigest row_digest, std::int64_t& matched) {
    std::sort(links.begin(), links.end(), [](const Link& a, const Link& b) { return a.record_id < b.record_id; });
    auto q = c.prepare(sql);
    if (!q) return fail(q.error());
    std::size_t i = 0;
    std::optional<Finding> first;
    auto note = [&](std::int64_t seq, Error e) {
        if (!first || seq < first->seq) first = Finding{seq, std::move(e)};
    };
    while (true) {
        auto r = q->step();
        if (!r) return fail(r.error());
        if (!*r) break;
        std::int64_t id = q->i64(0);
        while (i < links.size() && links[i].record_id < id) {
            note(links[i].seq, broken_at(links[i].seq, Error(MessageId::AuditRecordMissing,
                                                             {table, std::to_string(links[i].record_id)})));
            ++i;
        }
        if (i < links.size() && links[i].record_id == id) {
            if (!digests_equal(links[i].digest, sha256(row_digest(*q))))
                note(links[i].seq, broken_at(links[i].seq, Error(MessageId::AuditRecordAltered,
                                                                 {table, std::to_string(id)})));
            else
                ++matched;
            ++i;
        } else {
            // A row nobody audited: it was inserted by hand. No entry to name, so it
            // ranks after any problem found in the chain itself.
            note(INT64_MAX, Error(MessageId::AuditRecordUnlogged, {table, std::to_string(id)}));
        }
    }
    for (; i < links.size(); ++i)
        note(links[i].seq,
             broken_at(links[i].seq, Error(MessageId::AuditRecordMissing, {table, std::to_string(links[i].record_id)})));
    return first;
}

}  // namespace

namespace {
Result<VerifyReport> verify_in_snapshot(Connection& c, const KioskKey& key, const std::string& anchor_path,
                                        const std::optional<HeadAnchor>& anchor);
}  // namespace

Result<VerifyReport> verify_audit(Connection& c, const KioskKey& key, const std::string& anchor_path) {
    // One read snapshot for the chain and the rows it vouches for, or a row committed by
    // a concurrent checkout between the two reads would look inserted by hand. The anchor
    // is read first, so it may lag the snapshot but never lead it.
    auto anchor = read_anchor(anchor_path, key);
    CUSTODY_TRY(c.exec("SAVEPOINT verify_audit"));
    auto rep = verify_in_snapshot(c, key, anchor_path, anchor);
    CUSTODY_TRY(c.exec("RELEASE verify_audit"));
    return rep;
}

namespace {

// A reconciliation's digest covers its lines (schema 4): they are read first, by record,
// so that one pass over the records can rebuild each as it was saved.
Result<std::optional<Finding>> check_reconciliations(Connection& c, std::vector<Link>& links, std::int64_t& matched) {
    std::map<std::int64_t, std::vector<ReconciliationLine>> lines;
    auto q = c.prepare("SELECT reconciliation_id, device_id, slot, state, discrepancy FROM reconciliation_lines ORDER BY id");
    if (!q) return fail(q.error());
    while (true) {
        auto r = q->step();
        if (!r) return fail(r.error());
        if (!*r) break;
        ReconciliationLine l;
        if (!q->is_null(1)) {
            l.device = Device{};
            l.device->id = q->i64(1);
        }
        l.slot = q->i32(2);
        l.state = code_to(kInventoryStates, q->text(3));
        l.discrepancy = code_to(kDiscrepancies, q->text(4));
        lines[q->i64(0)].push_back(std::move(l));
    }
    return check_table(
        c,
        "SELECT id, at_ms, made_by, cabinet_read, expected, in_slot, out, in_repair, quarantined, pending_offload, lost, "
        "discrepancies FROM reconciliations ORDER BY id",
        "reconciliations", links,
        [&lines](const Statement& s) {
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
            if (auto it = lines.find(r.id); it != lines.end()) r.lines = it->second;
            return canonical(r);
        },
        matched);
}

// The finance tables (schema 5): each row against the digest of its fixed columns.
Result<std::optional<Finding>> check_digested(Connection& c, const DigestedTable& t, std::vector<Link>& links,
                                              std::int64_t& matched) {
    std::optional<Error> unreadable;
    auto found = check_table(
        c, (std::string("SELECT rowid FROM ") + t.table + " ORDER BY rowid").c_str(), t.table, links,
        [&](const Statement& s) {
            auto bytes = row_bytes(c, t, s.i64(0));
            if (bytes) return std::move(*bytes);
            if (!unreadable) unreadable = bytes.error();
            return std::string();
        },
        matched);
    if (unreadable) return fail(std::move(*unreadable));
    return found;
}

Result<VerifyReport> verify_in_snapshot(Connection& c, const KioskKey& key, const std::string& anchor_path,
                                        const std::optional<HeadAnchor>& anchor) {
    VerifyReport rep;
    std::map<std::string, std::vector<Link>> digested_links;
    auto q = c.prepare(
        "SELECT seq, at_ms, actor, action, subject, detail, record_table, record_id, record_digest, prev_hash, hash, "
        "mac FROM audit_log ORDER BY seq");
    if (!q) return fail(q.error());
    std::vector<Link> custody_links, health_links, reconciliation_links;
    Digest prev{};
    std::int64_t expected = 1;
    std::optional<Digest> hash_at_anchor;
    AuditEntry e;
    while (true) {
        auto r = q->step();
        if (!r) return fail(r.error());
        if (!*r) break;
        e.seq = q->i64(0);
        if (e.seq != expected) {
            rep.broken = broken_at(expected, Error(MessageId::AuditGap, {std::to_string(expected), std::to_string(e.seq)}));
            return rep;
        }
        e.at_ms = q->i64(1);
        e.actor = q->text(2);
        e.action = q->text(3);
        e.subject = q->text(4);
        e.detail = q->text(5);
        e.record_table = q->is_null(6) ? std::nullopt : std::optional<std::string>(q->text(6));
        e.record_id = q->opt_i64(7);
        e.record_digest.reset();
        if (!q->is_null(8)) {
            auto b = q->blob_view(8);
            e.record_digest = digest_from_blob(b.data(), b.size());
        }
        auto hb = q->blob_view(10);
        auto mb = q->blob_view(11);
        auto stored_hash = digest_from_blob(hb.data(), hb.size());
        auto stored_mac = digest_from_blob(mb.data(), mb.size());
        Digest h = chain_hash(prev, e);
        if (!stored_hash || !digests_equal(h, *stored_hash)) {
            rep.broken = broken_at(e.seq, Error(MessageId::AuditHashMismatch));
            return rep;
        }
        if (!stored_mac || !digests_equal(entry_mac(key, h), *stored_mac)) {
            rep.broken = broken_at(e.seq, Error(MessageId::AuditMacMismatch));
            return rep;
        }
        if (e.record_table && e.record_id && e.record_digest) {
            Link l{*e.record_id, e.seq, *e.record_digest};
            if (*e.record_table == "custody_entries") custody_links.push_back(l);
            else if (*e.record_table == "health_checks") health_links.push_back(l);
            else if (*e.record_table == "reconciliations") reconciliation_links.push_back(l);
            else if (digested_table(*e.record_table)) digested_links[*e.record_table].push_back(l);
        }
        if (anchor && e.seq == anchor->seq) hash_at_anchor = h;
        prev = h;
        ++expected;
        ++rep.entries;
    }

    if (!anchor) {
        if (rep.entries > 0) {
            rep.broken = Error(MessageId::AuditAnchorMissing, {anchor_path});
            return rep;
        }
    } else if (anchor->seq > rep.entries) {
        rep.broken = Error(MessageId::AuditTruncated, {std::to_string(anchor->seq), std::to_string(rep.entries)});
        return rep;
    } else if (anchor->seq == 0 ? !digests_equal(anchor->hash, Digest{})
                                : (!hash_at_anchor || !digests_equal(*hash_at_anchor, anchor->hash))) {
        rep.broken = broken_at(anchor->seq, Error(MessageId::AuditAnchorMismatch, {std::to_string(anchor->seq)}));
        return rep;
    }

    auto custody = check_table(
        c, "SELECT" CUSTODY_ENTRY_COLUMNS "FROM custody_entries c ORDER BY c.id", "custody_entries", custody_links,
        [](const Statement& s) { return canonical(entry_from_row(s)); }, rep.records);
    if (!custody) return fail(custody.error());
    auto health = check_table(
        c,
        "SELECT id, device_id, measured_at_ms, battery_pct, free_storage_mb, clock_offset_s, fault FROM health_checks "
        "ORDER BY id",
        "health_checks", health_links,
        [](const Statement& s) {
            return canonical(HealthReading{s.i64(0), s.i64(1), Timestamp{s.i64(2)}, s.i32(3), s.i64(4), s.i64(5),
                                           s.text(6)});
        },
        rep.records);
    if (!health) return fail(health.error());
    auto reconciliation = check_reconciliations(c, reconciliation_links, rep.records);
    if (!reconciliation) return fail(reconciliation.error());
    std::vector<std::optional<Finding>> findings = {*custody, *health, *reconciliation};
    for (const auto& t : digested_tables()) {
        auto f = check_digested(c, t, digested_links[t.table], rep.records);
        if (!f) return fail(f.error());
        findings.push_back(std::move(*f));
    }
    // Whichever table shows the earlier problem in the chain is reported.
    std::optional<Finding> earliest;
    for (const auto& f : findings)
        if (f && (!earliest || f->seq < earliest->seq)) earliest = *f;
    if (earliest) rep.broken = earliest->error;
    return rep;
}

}  // namespace

}  // namespace custody::db
