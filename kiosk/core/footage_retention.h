#pragma once
// Changing how long archived footage is kept, and clearing it when its time has come
// (R18–R20). Footage is only ever kept longer: ordinary becomes evidence or long-term,
// never back. Clearing ordinary footage is a keeper's reviewed decision with a reason,
// recorded before the file goes; the row, its hash and the decision stay for good.

#include <functional>
#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"
#include "kiosk/core/footage_archive.h"
#include "kiosk/core/retention.h"

namespace custody {

struct PurgeRequest {
    Id recording_id = 0;
    std::string approver_number;  // an active keeper (保管员)
    std::string reason;           // what the review found: why it has no value
};

struct PurgeOutcome {
    Recording recording;  // as stored afterwards: purged_at, purged_by, purge_reason
    Officer approver;
    // This run finished a purge that an earlier run recorded but did not complete.
    bool completed_earlier_purge = false;
    // The file was not there to delete: an earlier run had deleted it (expected when
    // completing), or something else did in between (logged and audited as such).
    bool file_already_gone = false;
};

class FootageRetention {
public:
    FootageRetention(CustodyStore& store, const Clock& clock, FootageArchive& archive)
        : store_(store), clock_(clock), archive_(archive) {}

    // R19: ordinary footage becomes evidence of the case. Long-term footage that has no
    // case yet keeps its (longer) class and gains the case number, so the case's package
    // includes it.
    Result<Recording> classify_evidence(Id recording_id, const std::string& case_number, const std::string& actor);
    // R20: ordinary or evidence footage is kept long-term for one of R20's reasons.
    Result<Recording> keep_long_term(Id recording_id, LongTermReason reason, const std::string& actor);
    // R18: clears due ordinary footage. Every refusal is audited.
    Result<PurgeOutcome> purge(const PurgeRequest& request);

private:
    // Reads the recording, lets `change` refuse it (returning the reason) or change it,
    // and stores the change with an audit entry; a refusal is audited as `action`_refused.
    Result<Recording> reclassify(Id recording_id, const std::string& actor, const std::string& action,
                                 const std::function<std::optional<Error>(Recording&)>& change);
    Status finish_purge(const Recording& r, const std::string& job_dir, const std::string& serial,
                        const std::string& actor, PurgeOutcome& outcome);

    CustodyStore& store_;
    const Clock& clock_;
    FootageArchive& archive_;
};

}  // namespace custody
