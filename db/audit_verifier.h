#pragma once
// Walks the whole audit chain and cross-checks every ledger row against the entry that
// recorded it: hash chain, signatures, sequence, head anchor, and rows altered, deleted
// or inserted behind the program's back.

#include <cstdint>
#include <optional>

#include "db/kiosk_key.h"
#include "db/sqlite.h"

namespace custody::db {

struct VerifyReport {
    std::int64_t entries = 0;
    std::int64_t records = 0;       // ledger and health rows matched to their entries
    std::optional<Error> broken;    // the first problem found, if any
    bool intact() const { return !broken.has_value(); }
};

// Failure means verification could not run (I/O); a broken chain is a report.
Result<VerifyReport> verify_audit(Connection& c, const KioskKey& key, const std::string& anchor_path);

}  // namespace custody::db
