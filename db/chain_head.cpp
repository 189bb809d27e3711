#include "db/chain_head.h"

namespace custody::db {

Result<HeadAnchor> chain_head(Connection& c) {
    auto q = c.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (!q) return fail(Error(MessageId::DatabaseNotInitialised, {c.path()}, q.error().detail));
    auto row = q->step();
    if (!row) return fail(row.error());
    HeadAnchor head;
    if (!*row) return head;
    head.seq = q->i64(0);
    auto blob = q->blob(1);
    auto digest = digest_from_blob(blob.data(), blob.size());
    if (!digest) return fail(Error(MessageId::AuditBroken, {std::to_string(head.seq)}));
    head.hash = *digest;
    return head;
}

Result<std::optional<Digest>> hash_at(Connection& c, std::int64_t seq) {
    auto q = c.prepare("SELECT hash FROM audit_log WHERE seq=?");
    if (!q) return fail(Error(MessageId::DatabaseNotInitialised, {c.path()}, q.error().detail));
    q->bind(1, seq);
    auto row = q->step();
    if (!row) return fail(row.error());
    if (!*row) return std::optional<Digest>();
    auto blob = q->blob(0);
    return digest_from_blob(blob.data(), blob.size());
}

Result<HeadCheck> check_head_against_anchor(Connection& c, const KioskKey& key, const std::string& anchor_path) {
    HeadCheck out;
    // The anchor first: it is written after each commit, so read before the head it can
    // lag the head but never lead it.
    out.anchor = read_anchor(anchor_path, key);
    auto head = chain_head(c);
    if (!head) return fail(head.error());
    out.head = *head;
    if (!out.anchor) {
        out.problem = Error(MessageId::AuditAnchorMissing, {anchor_path});
        return out;
    }
    if (out.anchor->seq > out.head.seq) {
        out.problem = Error(MessageId::AuditTruncated, {std::to_string(out.anchor->seq), std::to_string(out.head.seq)});
        return out;
    }
    if (out.anchor->seq == 0) return out;  // the genesis anchor names no entry
    auto at = hash_at(c, out.anchor->seq);
    if (!at) return fail(at.error());
    if (!*at || !digests_equal(**at, out.anchor->hash))
        out.problem = Error(MessageId::AuditBroken, {std::to_string(out.anchor->seq)})
                          .with_cause(Error(MessageId::AuditAnchorMismatch, {std::to_string(out.anchor->seq)}));
    return out;
}

}  // namespace custody::db
