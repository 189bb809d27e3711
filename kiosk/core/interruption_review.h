#pragma once
// R13: the unit head reviews each interruption record an officer made, once; the review
// is archived with it.

#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

namespace custody {

// An active unit head of the officer's unit, an active supervisor or an active
// administrator; never the officer whose record it is.
bool may_review_interruption(const Officer& reviewer, const Officer& record_officer);

class InterruptionReview {
public:
    InterruptionReview(CustodyStore& store, const Clock& clock) : store_(store), clock_(clock) {}
    // Records nobody has reviewed yet, oldest first.
    Result<std::vector<InterruptionRecord>> pending();
    // Refuses (audited) an unknown record, one already reviewed, and a reviewer who may
    // not review it (as the store has the reviewer now, not as the caller last saw him).
    Status approve(Id record_id, const Officer& reviewer, const std::string& note);

private:
    CustodyStore& store_;
    const Clock& clock_;
};

}  // namespace custody
