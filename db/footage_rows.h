#pragma once
// The footage tables (migration 0003) inside a store transaction: offload jobs,
// recordings, interruption records and evidence exports. The schema's triggers hold the
// rules that must survive any caller (forward-only states, wipe after commit).

#include <functional>

#include "db/sqlite.h"
#include "kiosk/core/footage_store.h"

namespace custody::db {

class FootageRows final : public FootageReads, public FootageWrites {
public:
    using Audit = std::function<Status(const AuditNote&)>;
    FootageRows(Connection& c, Audit audit) : c_(c), audit_(std::move(audit)) {}

    Result<std::optional<OffloadJob>> offload_job(Id id) override;
    Result<std::optional<OffloadJob>> unfinished_job_of(Id device_id) override;
    Result<std::vector<OffloadJob>> unfinished_jobs() override;
    Result<std::vector<OffloadJob>> recent_jobs(int limit) override;
    Result<std::vector<Recording>> recordings_of_job(Id job_id) override;
    Result<std::optional<Recording>> recording(Id id) override;
    Result<std::vector<Recording>> archived_recordings() override;
    Result<std::vector<Recording>> recordings_of_case(const std::string& case_number) override;
    Result<std::vector<InterruptionRecord>> interruptions_of_job(Id job_id) override;
    Result<std::vector<EvidenceExport>> evidence_exports_of_case(const std::string& case_number) override;
    Result<std::vector<EvidenceCopy>> evidence_copies_of(Id export_id) override;
    // The newest job of the docking this return entry recorded (CustodianReads).
    Result<std::optional<OffloadJob>> job_of_return(Id return_entry_id);

    Result<Id> add_offload_job(const OffloadJob& j, const AuditNote& note) override;
    Status update_offload_job(const OffloadJob& j, const AuditNote& note) override;
    Result<Id> add_recording(const Recording& r, const AuditNote& note) override;
    Status update_recording(const Recording& r, const AuditNote& note) override;
    Result<Id> add_interruption(const InterruptionRecord& r, const AuditNote& note) override;
    Result<Id> add_evidence_export(const EvidenceExport& e, const AuditNote& note) override;
    Result<Id> add_evidence_copy(const EvidenceCopy& c, const AuditNote& note) override;

private:
    Result<Id> insert(Statement& q, const AuditNote& note);
    Connection& c_;
    Audit audit_;
};

}  // namespace custody::db
