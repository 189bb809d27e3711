#include "db/audit_writer.h"

namespace custody::db {

Result<std::int64_t> AuditWriter::append(std::int64_t at_ms, const AuditNote& note,
                                         const std::optional<RecordLink>& link) {
    if (!head_) {
        auto q = c_.cached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        if (!q) return fail(q.error());
        auto row = (*q)->step();
        if (!row) return fail(row.error());
        HeadAnchor h;  // genesis: seq 0, all-zero hash
        if (*row) {
            h.seq = (*q)->i64(0);
            auto blob = (*q)->blob(1);
            auto d = digest_from_blob(blob.data(), blob.size());
            if (!d) return fail(Error(MessageId::StorageFailure, {"audit_log.hash"}, "stored hash is not 32 bytes"));
            h.hash = *d;
        }
        (*q)->reset();
        head_ = h;
    }
    AuditEntry e;
    e.seq = head_->seq + 1;
    e.at_ms = at_ms;
    e.actor = note.actor;
    e.action = note.action;
    e.subject = note.subject;
    e.detail = note.detail;
    if (link) {
        e.record_table = link->table;
        e.record_id = link->id;
        e.record_digest = link->digest;
    }
    Digest hash = chain_hash(head_->hash, e);
    Digest mac = entry_mac(key_, hash);
    auto ins = c_.cached(
        "INSERT INTO audit_log(seq, at_ms, actor, action, subject, detail, record_table, record_id, record_digest, "
        "prev_hash, hash, mac) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!ins) return fail(ins.error());
    Statement& s = **ins;
    s.bind(1, e.seq).bind(2, e.at_ms).bind(3, e.actor).bind(4, e.action).bind(5, e.subject).bind(6, e.detail);
    s.bind(7, e.record_table).bind(8, e.record_id);
    if (e.record_digest) s.bind_blob(9, e.record_digest->data(), 32);
    s.bind_blob(10, head_->hash.data(), 32).bind_blob(11, hash.data(), 32).bind_blob(12, mac.data(), 32);
    CUSTODY_TRY(s.run());
    head_ = HeadAnchor{e.seq, hash};
    return e.seq;
}

}  // namespace custody::db
