#pragma once
// R9: a faulty device goes to repair through the ledger. Opening an order takes it out of
// service; sending it is a ledger entry (the device leaves its slot for the supplier);
// its return is another (repaired or replaced: back into a slot; written off: disposed of
// with approval). Each step is audited, each refusal too.

#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

namespace custody {

struct RepairOpening {
    std::string serial;
    std::string problem;
    std::optional<Id> fault_report_id;  // the R9 report it comes from, if any
};

struct RepairReturn {
    Id order_id = 0;
    CivilDate returned_on;
    Fen cost = 0;
    RepairOutcome outcome = RepairOutcome::Repaired;
    std::string note;
    std::optional<int> slot;              // repaired or replaced: where it goes
    std::string approver_number;          // written off: who approves the disposal
    std::string asset_disposal_reason;    // written off
};

class Repairs {
public:
    Repairs(CustodyStore& store, const Clock& clock, std::string actor)
        : store_(store), clock_(clock), actor_(std::move(actor)) {}
    Result<RepairOrder> open(const RepairOpening& o);
    Result<RepairOrder> send(Id order_id, const std::string& supplier, CivilDate sent_on);
    Result<RepairOrder> give_back(const RepairReturn& r);

private:
    // Runs `step` in one transaction; a refusal is rolled back, then audited.
    template <class Step>
    Result<RepairOrder> in_transaction(const std::string& subject, const char* refused_action, Step step);
    CustodyStore& store_;
    const Clock& clock_;
    std::string actor_;
};

}  // namespace custody
