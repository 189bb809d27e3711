#pragma once
// How long archived footage must be kept (R18–R20): the pure rule, no store, no clock.
// Ordinary footage may be cleared once the profile's retention period has run from the
// moment it was committed to the archive; evidence stays while its case holds it (R19)
// and long-term footage is never due (R20). "Due" only means a keeper may review it: the
// clearing itself is a recorded decision (FootageRetention::purge).

#include <optional>
#include <vector>

#include "kiosk/core/agency_profile.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/recording.h"

namespace custody {

enum class RetentionStatus {
    Due,           // ordinary, committed, its period has run
    Kept,          // ordinary, committed, still inside its period
    Evidence,      // kept with its case file (R19)
    LongTerm,      // kept long-term (R20)
    NotCommitted,  // not (yet) in the archive with its SHA256SUMS: nothing to clear
    Purged,        // already cleared
};

struct RetentionVerdict {
    RetentionStatus status = RetentionStatus::NotCommitted;
    // When ordinary committed footage may be cleared; none for every other status.
    std::optional<Timestamp> expires_at;
};

// committed_at + retention_days, for ordinary committed footage; none otherwise.
std::optional<Timestamp> retention_expiry(const Recording& r, const AgencyProfile& p);
RetentionVerdict retention_verdict(const Recording& r, const AgencyProfile& p, Timestamp now);
// The recordings a keeper may review for clearing now, oldest expiry first.
std::vector<Recording> due_for_purge(const std::vector<Recording>& recordings, const AgencyProfile& p, Timestamp now);

}  // namespace custody
