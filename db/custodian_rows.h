#pragma once
// The custodian tables (migration 0004) inside a store transaction: PINs and their
// lockout, reconciliations, fault reports and interruption reviews.

#include <functional>

#include "db/audit_writer.h"
#include "db/sqlite.h"
#include "kiosk/core/custodian_store.h"

namespace custody::db {

class CustodianRows final {
public:
    using Audit = std::function<Status(const AuditNote&, const std::optional<RecordLink>&)>;
    CustodianRows(Connection& c, Audit audit) : c_(c), audit_(std::move(audit)) {}

    Result<std::optional<PinState>> pin_state(Id officer_id);
    Result<bool> pin_matches(Id officer_id, const std::string& pin);
    Result<std::vector<Reconciliation>> recent_reconciliations(int limit);
    Result<std::vector<FaultReportRecord>> open_fault_reports();
    Result<std::optional<InterruptionRecord>> interruption(Id id);
    Result<std::vector<InterruptionRecord>> unreviewed_interruptions();
    Result<std::optional<InterruptionApproval>> approval_of(Id interruption_id);

    Status set_pin(Id officer_id, const std::string& pin, Timestamp at, const std::string& by, const AuditNote& note);
    Status record_pin_attempts(Id officer_id, int failed_attempts, std::optional<Timestamp> locked_until,
                               const AuditNote& note);
    Result<Id> add_reconciliation(const Reconciliation& r, const AuditNote& note);
    Result<Id> add_fault_report(const FaultReportRecord& r, const AuditNote& note);
    Status close_fault_reports(Id device_id, Timestamp at, const std::string& by, const AuditNote& note);
    Result<Id> add_interruption_approval(const InterruptionApproval& a, const AuditNote& note);

private:
    Result<std::vector<ReconciliationLine>> lines_of(Id reconciliation_id);
    Connection& c_;
    Audit audit_;
};

}  // namespace custody::db
