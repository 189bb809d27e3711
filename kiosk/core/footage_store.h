#pragma once
// What the storage port keeps about footage: offload jobs, the recordings they moved,
// interruption records and evidence exports. Part of every store transaction, so a job
// step and the device state it implies commit together.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/audit_note.h"
#include "kiosk/core/evidence_export.h"
#include "kiosk/core/interruption_record.h"
#include "kiosk/core/offload_job.h"
#include "kiosk/core/recording.h"
#include "kiosk/core/result.h"

namespace custody {

class FootageReads {
public:
    virtual ~FootageReads() = default;
    virtual Result<std::optional<OffloadJob>> offload_job(Id id) = 0;
    // The device's job that is not complete, if any (at most one: the schema says so).
    virtual Result<std::optional<OffloadJob>> unfinished_job_of(Id device_id) = 0;
    virtual Result<std::vector<OffloadJob>> unfinished_jobs() = 0;
    // Newest first.
    virtual Result<std::vector<OffloadJob>> recent_jobs(int limit) = 0;
    virtual Result<std::vector<Recording>> recordings_of_job(Id job_id) = 0;
    virtual Result<std::optional<Recording>> recording(Id id) = 0;
    // Every recording with a verified archive copy that has not been purged.
    virtual Result<std::vector<Recording>> archived_recordings() = 0;
    virtual Result<std::vector<Recording>> recordings_of_case(const std::string& case_number) = 0;
    virtual Result<std::vector<InterruptionRecord>> interruptions_of_job(Id job_id) = 0;
    virtual Result<std::vector<EvidenceExport>> evidence_exports_of_case(const std::string& case_number) = 0;
    virtual Result<std::vector<EvidenceCopy>> evidence_copies_of(Id export_id) = 0;
};

class FootageWrites {
public:
    virtual ~FootageWrites() = default;
    virtual Result<Id> add_offload_job(const OffloadJob& j, const AuditNote& note) = 0;
    virtual Status update_offload_job(const OffloadJob& j, const AuditNote& note) = 0;
    virtual Result<Id> add_recording(const Recording& r, const AuditNote& note) = 0;
    // The store refuses a state that moves back, a hash or archive path that changes
    // once set, a wipe while the job still has an uncommitted recording, and a purge
    // of anything but ordinary footage (R15, R18, R19).
    virtual Status update_recording(const Recording& r, const AuditNote& note) = 0;
    virtual Result<Id> add_interruption(const InterruptionRecord& r, const AuditNote& note) = 0;
    virtual Result<Id> add_evidence_export(const EvidenceExport& e, const AuditNote& note) = 0;
    virtual Result<Id> add_evidence_copy(const EvidenceCopy& c, const AuditNote& note) = 0;
};

}  // namespace custody
