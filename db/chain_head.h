#pragma once
// The newest audit entry of a database, and the entry at a given seq: what a head anchor
// is compared with without walking the whole chain (custodyctl status), and what a backup
// signs its own anchor for.

#include <optional>

#include "db/head_anchor.h"
#include "db/sqlite.h"

namespace custody::db {

// seq 0 and the all-zero hash for a chain with no entries yet. DatabaseNotInitialised
// when the file has no audit log at all.
Result<HeadAnchor> chain_head(Connection& c);
// The hash recorded for entry `seq`; nullopt when there is no such entry.
Result<std::optional<Digest>> hash_at(Connection& c, std::int64_t seq);

// The cheap check: the anchor stands at or behind the head (a crash can leave it behind)
// and the entry it names still has the anchored hash. The error is the one verify would
// report (AuditAnchorMissing, AuditTruncated, AuditAnchorMismatch); the walk of every
// entry and signature is left to verify.
struct HeadCheck {
    HeadAnchor head;
    std::optional<HeadAnchor> anchor;
    std::optional<Error> problem;
};
Result<HeadCheck> check_head_against_anchor(Connection& c, const KioskKey& key, const std::string& anchor_path);

}  // namespace custody::db
