#include "kiosk/core/retention.h"

#include <algorithm>

namespace custody {

namespace {

bool committed(const Recording& r) {
    return r.committed_at && (r.state == RecordingState::Committed || r.state == RecordingState::Wiped);
}

}  // namespace

std::optional<Timestamp> retention_expiry(const Recording& r, const AgencyProfile& p) {
    if (r.retention != RetentionClass::Ordinary || r.purged_at || !committed(r)) return std::nullopt;
    return Timestamp{r.committed_at->ms + p.retention_days * kMsPerDay};
}

RetentionVerdict retention_verdict(const Recording& r, const AgencyProfile& p, Timestamp now) {
    if (r.purged_at) return {RetentionStatus::Purged, std::nullopt};
    // The class is checked before the state: evidence is evidence even while its copy is
    // still being made.
    if (r.retention == RetentionClass::Evidence) return {RetentionStatus::Evidence, std::nullopt};
    if (r.retention == RetentionClass::LongTerm) return {RetentionStatus::LongTerm, std::nullopt};
    auto expiry = retention_expiry(r, p);
    if (!expiry) return {RetentionStatus::NotCommitted, std::nullopt};
    return {now >= *expiry ? RetentionStatus::Due : RetentionStatus::Kept, expiry};
}

std::vector<Recording> due_for_purge(const std::vector<Recording>& recordings, const AgencyProfile& p, Timestamp now) {
    std::vector<Recording> due;
    for (const auto& r : recordings)
        if (retention_verdict(r, p, now).status == RetentionStatus::Due) due.push_back(r);
    std::stable_sort(due.begin(), due.end(),
                     [](const Recording& a, const Recording& b) { return *a.committed_at < *b.committed_at; });
    return due;
}

}  // namespace custody
