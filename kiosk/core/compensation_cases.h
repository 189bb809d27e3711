#pragma once
// R26: opening a loss or damage case and taking it through its steps. The case names the
// person the ledger shows holding the device at the time (else its keeper, R4) and the
// liability the asset card gives at the end of the month before the incident; both are
// fixed when it opens. Deliberate damage, and a loss through poor keeping, also open a
// violation record (R25).

#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/compensation_progress.h"
#include "kiosk/core/custody_store.h"

namespace custody {

struct CaseOpening {
    std::string serial;  // ignored when a fault report names the device
    CaseSource source = CaseSource::Custodian;
    std::optional<Id> fault_report_id;
    std::optional<Id> reconciliation_id;
    CompensationCause cause = CompensationCause::PoorKeeping;
    bool loss = false;
    std::optional<Timestamp> incident_at;  // default: the report's, the count's, or now
    std::string note;
};

struct CaseStepRequest {
    Id case_id = 0;
    CaseStep step = CaseStep::CustodianReview;
    std::string by_number;
    std::optional<bool> approved;  // reviews
    std::string reason;
    std::optional<Fen> amount;  // payment
    std::optional<CivilDate> paid_on;
    std::string receipt_number;
};

class CompensationCases {
public:
    CompensationCases(CustodyStore& store, const Clock& clock, std::string actor)
        : store_(store), clock_(clock), actor_(std::move(actor)) {}
    Result<CompensationCase> open(const CaseOpening& o);
    Result<CaseProgress> record(const CaseStepRequest& r);

private:
    CustodyStore& store_;
    const Clock& clock_;
    std::string actor_;
};

// The violation a case opens, if any.
std::optional<ViolationKind> violation_for(CompensationCause cause, bool loss);

}  // namespace custody
