#pragma once
// What the storage port keeps for custodian mode: custodian PINs (as salted slow hashes:
// hashing is the store's business, so the core never sees a digest), the lockout after
// wrong PINs, reconciliations, fault reports and the unit head's review of interruption
// records. Part of every store transaction.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/audit_note.h"
#include "kiosk/core/device.h"
#include "kiosk/core/fault_report_record.h"
#include "kiosk/core/interruption_record.h"
#include "kiosk/core/offload_job.h"
#include "kiosk/core/reconciliation_record.h"
#include "kiosk/core/result.h"

namespace custody {

struct PinState {
    Id officer_id = 0;
    Timestamp set_at;
    std::string set_by;
    int failed_attempts = 0;               // wrong PINs in a row
    std::optional<Timestamp> locked_until;  // refused until then
};

class CustodianReads {
public:
    virtual ~CustodianReads() = default;
    // Every registered device, disposed ones included, by serial.
    virtual Result<std::vector<Device>> devices() = 0;
    // None when the officer has no PIN.
    virtual Result<std::optional<PinState>> pin_state(Id officer_id) = 0;
    // False when the officer has no PIN. Costs a slow hash on purpose.
    virtual Result<bool> pin_matches(Id officer_id, const std::string& pin) = 0;
    // Newest first, with their lines.
    virtual Result<std::vector<Reconciliation>> recent_reconciliations(int limit) = 0;
    // Oldest first; open: the device has not been released since.
    virtual Result<std::vector<FaultReportRecord>> open_fault_reports() = 0;
    virtual Result<std::optional<InterruptionRecord>> interruption(Id id) = 0;
    // Records no unit head has reviewed yet, oldest first.
    virtual Result<std::vector<InterruptionRecord>> unreviewed_interruptions() = 0;
    virtual Result<std::optional<InterruptionApproval>> approval_of(Id interruption_id) = 0;
    // The offload job of the docking that this ledger entry recorded, if there was one.
    virtual Result<std::optional<OffloadJob>> job_of_return(Id return_entry_id) = 0;
};

class CustodianWrites {
public:
    virtual ~CustodianWrites() = default;
    // Stores a fresh salt and the slow hash of `pin`, never the PIN, and clears any lockout.
    virtual Status set_pin(Id officer_id, const std::string& pin, Timestamp at, const std::string& by,
                           const AuditNote& note) = 0;
    // The count of wrong PINs in a row and the lockout they led to (none: not locked).
    virtual Status record_pin_attempts(Id officer_id, int failed_attempts, std::optional<Timestamp> locked_until,
                                       const AuditNote& note) = 0;
    virtual Result<Id> add_reconciliation(const Reconciliation& r, const AuditNote& note) = 0;
    virtual Result<Id> add_fault_report(const FaultReportRecord& r, const AuditNote& note) = 0;
    // Closes every open fault report of the device (its release from quarantine).
    virtual Status close_fault_reports(Id device_id, Timestamp at, const std::string& by, const AuditNote& note) = 0;
    virtual Result<Id> add_interruption_approval(const InterruptionApproval& a, const AuditNote& note) = 0;
};

}  // namespace custody
