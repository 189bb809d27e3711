#include "kiosk/core/footage_retention.h"

#include <set>

#include "kiosk/core/agency_time.h"
#include "kiosk/core/archive_layout.h"
#include "kiosk/core/log.h"
#include "kiosk/core/refusal.h"

namespace custody {

namespace {

std::string trimmed(const std::string& s) {
    const char* space = " \t\r\n";
    auto b = s.find_first_not_of(space);
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(space) - b + 1);
}

std::string subject_of(Id recording_id) { return "recording:" + std::to_string(recording_id); }

bool in_archive(const Recording& r) {
    return r.state == RecordingState::Committed || r.state == RecordingState::Wiped;
}

Error already_purged(const Recording& r) {
    return Error(MessageId::RecordingAlreadyPurged,
                 {std::to_string(r.id), format_local(*r.purged_at), r.purged_by});
}

Error not_committed(const Recording& r) {
    return Error(MessageId::RecordingNotCommitted,
                 {std::to_string(r.id), std::string(named(kRecordingStates, r.state).code)});
}

std::string long_term_code(const Recording& r) {
    return r.long_term_reason ? std::string(named(kLongTermReasons, *r.long_term_reason).code) : std::string();
}

// What stands between a recording and its clearing, read in one transaction; nothing
// when it may be cleared (or was cleared by an earlier run that did not finish).
struct PurgeCheck {
    Officer approver;
    Recording recording;
    OffloadJob job;
};

Result<PurgeCheck> check_purge(StoreTx& tx, const PurgeRequest& req, const std::string& reason, Timestamp now,
                               std::optional<Error>& refused) {
    auto refuse_with = [&](Error e) -> Result<PurgeCheck> {
        refused = e;
        return fail(std::move(e));
    };
    PurgeCheck c;
    auto approver = tx.officer_by_number(req.approver_number);
    if (!approver) return fail(approver.error());
    if (!*approver) return refuse_with(Error(MessageId::OfficerUnknown, {req.approver_number}));
    c.approver = **approver;
    if (!c.approver.active || c.approver.role != Role::Keeper)
        return refuse_with(Error(MessageId::PurgeApproverNotKeeper, {c.approver.name, c.approver.number}));
    auto rec = tx.recording(req.recording_id);
    if (!rec) return fail(rec.error());
    if (!*rec) return refuse_with(Error(MessageId::RecordingUnknown, {std::to_string(req.recording_id)}));
    c.recording = **rec;
    auto job = tx.offload_job(c.recording.job_id);
    if (!job) return fail(job.error());
    if (!*job) throw std::logic_error("recording without its offload job despite the foreign key");
    c.job = **job;
    // An earlier run recorded the decision; this one only finishes removing the file.
    if (c.recording.purged_at) return c;
    if (reason.empty()) return refuse_with(Error(MessageId::PurgeReasonMissing));
    auto profile = tx.profile();
    if (!profile) return fail(profile.error());
    const Recording& r = c.recording;
    const std::string id = std::to_string(r.id);
    auto verdict = retention_verdict(r, *profile, now);
    switch (verdict.status) {
        case RetentionStatus::Due:
            return c;
        case RetentionStatus::Kept:
            return refuse_with(Error(MessageId::RetentionNotExpired, {id, format_local(*verdict.expires_at)}));
        case RetentionStatus::Evidence:
            return refuse_with(Error(MessageId::RetentionEvidenceHeld, {id, r.case_number}));
        case RetentionStatus::LongTerm:
            return refuse_with(Error(MessageId::RetentionLongTermHeld, {id, long_term_code(r)}));
        case RetentionStatus::NotCommitted:
            return refuse_with(not_committed(r));
        case RetentionStatus::Purged:
            break;
    }
    throw std::logic_error("purged recording past the purged check");
}

}  // namespace

Result<Recording> FootageRetention::reclassify(Id recording_id, const std::string& actor, const std::string& action,
                                               const std::function<std::optional<Error>(Recording&)>& change) {
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto refused = [&](Error e) -> Result<Recording> {
        tx.reset();
        return fail(refuse(store_, std::move(e), actor, action + "_refused", subject_of(recording_id)));
    };
    auto rec = tx->recording(recording_id);
    if (!rec) return fail(rec.error());
    if (!*rec) return refused(Error(MessageId::RecordingUnknown, {std::to_string(recording_id)}));
    Recording r = **rec;
    const RetentionClass before = r.retention;
    if (r.purged_at) return refused(already_purged(r));
    if (!in_archive(r)) return refused(not_committed(r));
    if (auto no = change(r)) return refused(*no);
    std::string detail = "file=" + r.archive_path + "; class_before=" +
                         std::string(named(kRetentionClasses, before).code) +
                         "; class=" + std::string(named(kRetentionClasses, r.retention).code);
    if (!r.case_number.empty()) detail += "; case=" + r.case_number;
    if (r.long_term_reason) detail += "; long_term_reason=" + long_term_code(r);
    CUSTODY_TRY(tx->update_recording(r, {actor, action, subject_of(r.id), detail}));
    CUSTODY_TRY(tx->commit());
    return r;
}

Result<Recording> FootageRetention::classify_evidence(Id recording_id, const std::string& case_number,
                                                      const std::string& actor) {
    const std::string c = trimmed(case_number);
    if (c.empty())
        return fail(refuse(store_, Error(MessageId::CaseNumberMissing), actor, "recording_evidence_refused",
                           subject_of(recording_id)));
    return reclassify(recording_id, actor, "recording_evidence", [&](Recording& r) -> std::optional<Error> {
        if (!r.case_number.empty())
            return Error(MessageId::RecordingAlreadyEvidence, {std::to_string(r.id), r.case_number});
        // Long-term is kept at least as long as a case file: it stays long-term.
        if (r.retention == RetentionClass::Ordinary) r.retention = RetentionClass::Evidence;
        r.case_number = c;
        return std::nullopt;
    });
}

Result<Recording> FootageRetention::keep_long_term(Id recording_id, LongTermReason reason, const std::string& actor) {
    return reclassify(recording_id, actor, "recording_long_term", [&](Recording& r) -> std::optional<Error> {
        if (r.retention == RetentionClass::LongTerm)
            return Error(MessageId::RecordingAlreadyLongTerm, {std::to_string(r.id), long_term_code(r)});
        // Evidence keeps its case number, so the case's package still finds it.
        r.retention = RetentionClass::LongTerm;
        r.long_term_reason = reason;
        return std::nullopt;
    });
}

// The order of a purge, chosen so that a crash at any point never loses footage without
// a record and never leaves a record that hides a loss:
//   1. the archive copy is re-read and must match its hash: a file that is already
//      missing or altered is a loss for verify --archive to report, not a purge;
//   2. the decision (time, approver, reason) is committed to the row;
//   3. the file is deleted, then its line dropped from the job's SHA256SUMS.
// Deleting first would leave, after a crash, a row that says "archived" for a missing
// file, indistinguishable from footage lost or deleted by hand. Recording first leaves at
// worst an orphan file beside a purged row: nothing is lost, check_archive (which reads
// only unpurged rows) stays quiet, and running the same purge again finishes the job.
Result<PurgeOutcome> FootageRetention::purge(const PurgeRequest& request) {
    const std::string reason = trimmed(request.reason);
    const std::string actor = request.approver_number.empty() ? std::string("custodyctl") : request.approver_number;
    const std::string subject = subject_of(request.recording_id);
    auto checked = [&]() -> Result<PurgeCheck> {
        std::optional<Error> refused;
        Result<PurgeCheck> c = [&]() -> Result<PurgeCheck> {
            auto begun = store_.begin();
            if (!begun) return fail(begun.error());
            return check_purge(**begun, request, reason, clock_.now(), refused);
        }();
        if (!c && refused) return fail(refuse(store_, *refused, actor, "recording_purge_refused", subject));
        return c;
    };

    auto first = checked();
    if (!first) return fail(first.error());
    PurgeOutcome outcome;
    outcome.approver = first->approver;
    if (!first->recording.purged_at) {
        const Recording& r = first->recording;
        auto found = archive_.rehash(r.archive_path);
        std::optional<Error> damage;
        if (!found && found.error().id == MessageId::ArchiveFileMissing) damage = found.error();
        else if (!found) return fail(found.error());
        else if (*found != r.sha256)
            damage = Error(MessageId::ArchiveHashMismatch, {r.archive_path, r.sha256, *found});
        if (damage)
            return fail(refuse(store_, Error(MessageId::PurgeCopyNotIntact, {std::to_string(r.id)}).with_cause(*damage),
                               actor, "recording_purge_refused", subject));
    }

    // Read again under the write lock: the recording may have become evidence while its
    // file was being read.
    std::optional<Error> refused;
    std::optional<PurgeCheck> decided;
    {
        auto begun = store_.begin();
        if (!begun) return fail(begun.error());
        std::unique_ptr<StoreTx> tx = std::move(*begun);
        auto c = check_purge(*tx, request, reason, clock_.now(), refused);
        if (c) {
            decided = std::move(*c);
            Recording& r = decided->recording;
            if (r.purged_at) {
                outcome.completed_earlier_purge = true;
            } else {
                r.purged_at = clock_.now();
                r.purged_by = decided->approver.number;
                r.purge_reason = reason;
                CUSTODY_TRY(tx->update_recording(
                    r, {actor, "recording_purged", subject,
                        "file=" + r.archive_path + "; sha256=" + r.sha256 + "; approver=" + decided->approver.number +
                            " " + decided->approver.name + "; reason=" + reason}));
                CUSTODY_TRY(tx->commit());
            }
        } else if (!refused) {
            return fail(c.error());
        }
    }
    if (refused) return fail(refuse(store_, *refused, actor, "recording_purge_refused", subject));
    outcome.recording = decided->recording;
    CUSTODY_TRY(finish_purge(outcome.recording, decided->job.archive_dir, decided->job.device_serial, actor, outcome));
    return outcome;
}

Status FootageRetention::finish_purge(const Recording& r, const std::string& job_dir, const std::string& serial,
                                      const std::string& actor, PurgeOutcome& outcome) {
    const std::string id = std::to_string(r.id);
    if (auto gone = archive_.remove(r.archive_path); !gone) {
        if (gone.error().id != MessageId::ArchiveFileMissing)
            return fail(Error(MessageId::PurgeFileNotRemoved, {id, r.archive_path}).with_cause(gone.error()));
        outcome.file_already_gone = true;
        if (!outcome.completed_earlier_purge)
            log_event(LogLevel::Warning, "purge of recording " + id + ": " + r.archive_path +
                                             " vanished between its check and its deletion",
                      LogFields{}.in_job(r.job_id));
    }
    // The job's SHA256SUMS keeps only what the archive still holds, so `sha256sum -c` in
    // the folder passes; the purged file's hash stays in its row and in the audit log.
    const std::string manifest = job_dir + "/" + kManifestName;
    std::set<std::string> purged_names;
    {
        auto begun = store_.begin();
        if (!begun) return fail(begun.error());
        auto rows = (*begun)->recordings_of_job(r.job_id);
        if (!rows) return fail(rows.error());
        for (const auto& row : *rows)
            if (row.purged_at && row.archive_path.size() > job_dir.size())
                purged_names.insert(row.archive_path.substr(job_dir.size() + 1));
    }
    auto lines = archive_.read_manifest(job_dir);
    if (!lines && lines.error().id != MessageId::ArchiveFileMissing)
        return fail(Error(MessageId::PurgeManifestNotUpdated, {id, manifest}).with_cause(lines.error()));
    if (lines) {
        std::vector<ManifestLine> kept;
        for (const auto& l : *lines)
            if (!purged_names.count(l.name)) kept.push_back(l);
        if (kept.size() != lines->size()) {
            Status s = kept.empty() ? archive_.remove(manifest) : archive_.write_manifest(job_dir, kept);
            if (!s) return fail(Error(MessageId::PurgeManifestNotUpdated, {id, manifest}).with_cause(s.error()));
        }
    }
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    CUSTODY_TRY((*begun)->audit({actor, "recording_purge_completed", subject_of(r.id),
                                 "device=" + serial + "; file=" + r.archive_path +
                                     "; removed=" + (outcome.file_already_gone ? "already_missing" : "yes") +
                                     "; manifest=" + manifest}));
    return (*begun)->commit();
}

}  // namespace custody
