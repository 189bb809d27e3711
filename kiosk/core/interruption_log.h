#pragma once
// R13: the work record an officer makes after recording stopped or could not be used,
// filed against the offload job whose coverage showed the gap.

#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

namespace custody {

struct InterruptionRequest {
    Id job_id = 0;
    std::string officer_number;  // whose record it is
    InterruptionReason reason = InterruptionReason::Other;
    std::string basis;           // what happened and on what basis recording stopped
    std::string actor = "custodyctl";
};

class InterruptionLog {
public:
    InterruptionLog(CustodyStore& store, const Clock& clock) : store_(store), clock_(clock) {}
    // Refuses (audited) an unknown job or officer and an empty basis.
    Result<InterruptionRecord> add(const InterruptionRequest& request);
    // The offload job of the docking a return recorded: what the kiosk files the officer's
    // record against after a return. Refuses (not audited: it writes nothing) a return
    // with no job.
    Result<OffloadJob> job_of_return(Id return_entry_id);

private:
    CustodyStore& store_;
    const Clock& clock_;
};

}  // namespace custody
