#pragma once
// Appends signed, chained entries to audit_log inside the caller's transaction.

#include <optional>

#include "db/audit_chain.h"
#include "db/head_anchor.h"
#include "db/sqlite.h"
#include "kiosk/core/audit_note.h"

namespace custody::db {

struct RecordLink {
    std::string table;
    std::int64_t id = 0;
    Digest digest{};
};

class AuditWriter {
public:
    AuditWriter(Connection& c, const KioskKey& key) : c_(c), key_(key) {}
    // Must be called inside a write transaction; returns the new entry's seq.
    Result<std::int64_t> append(std::int64_t at_ms, const AuditNote& note, const std::optional<RecordLink>& link);
    // The newest entry written through this writer, for the head anchor.
    const std::optional<HeadAnchor>& head() const { return head_; }
    // Forget what was read: the transaction it came from has ended.
    void reset() { head_.reset(); }

private:
    Connection& c_;
    const KioskKey& key_;
    std::optional<HeadAnchor> head_;
};

}  // namespace custody::db
