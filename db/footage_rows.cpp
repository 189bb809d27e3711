#include "db/footage_rows.h"

#include "db/rows.h"

namespace custody::db {

namespace {

#define CUSTODY_JOB_COLUMNS                                                                                   \
    " j.id, j.device_id, d.serial, j.slot, j.return_entry_id, j.checkout_entry_id, j.started_at_ms, "          \
    "j.clock_offset_ms, j.state, j.archive_dir, j.failure_code, j.failure_zh, j.failure_en, j.attempts, "      \
    "j.finished_at_ms, j.custody_ms, j.recorded_ms, j.longest_gap_ms, j.interruption_needed "                 \
    "FROM offload_jobs j JOIN devices d ON d.id = j.device_id "
#define CUSTODY_RECORDING_COLUMNS                                                                              \
    " id, job_id, device_id, source_path, bytes, state, sha256, archive_path, media_kind, container, codec, "   \
    "duration_ms, media_started_at_ms, width, height, probe_error, corrected_start_ms, retention, "             \
    "long_term_reason, case_number, verified_at_ms, committed_at_ms, wiped_at_ms, purged_at_ms, purged_by, "    \
    "purge_reason FROM recordings "

std::optional<Timestamp> opt_time(const Statement& s, int c) {
    if (s.is_null(c)) return std::nullopt;
    return Timestamp{s.i64(c)};
}

std::optional<std::int64_t> opt_ms(const std::optional<Timestamp>& t) {
    if (!t) return std::nullopt;
    return t->ms;
}

OffloadJob job_from_row(const Statement& s) {
    OffloadJob j;
    j.id = s.i64(0);
    j.device_id = s.i64(1);
    j.device_serial = s.text(2);
    j.slot = s.i32(3);
    j.return_entry_id = s.opt_i64(4);
    j.checkout_entry_id = s.opt_i64(5);
    j.started_at = Timestamp{s.i64(6)};
    j.clock_offset_ms = s.opt_i64(7);
    j.state = code_to(kOffloadJobStates, s.text(8));
    j.archive_dir = s.text(9);
    j.failure_code = s.text(10);
    j.failure_zh = s.text(11);
    j.failure_en = s.text(12);
    j.attempts = s.i32(13);
    j.finished_at = opt_time(s, 14);
    j.custody_ms = s.opt_i64(15);
    j.recorded_ms = s.opt_i64(16);
    j.longest_gap_ms = s.opt_i64(17);
    j.interruption_record_needed = s.i64(18) != 0;
    return j;
}

Recording recording_from_row(const Statement& s) {
    Recording r;
    r.id = s.i64(0);
    r.job_id = s.i64(1);
    r.device_id = s.i64(2);
    r.source_path = s.text(3);
    r.bytes = s.i64(4);
    r.state = code_to(kRecordingStates, s.text(5));
    r.sha256 = s.text(6);
    r.archive_path = s.text(7);
    r.media.kind = code_to(kMediaKinds, s.text(8));
    r.media.container = s.text(9);
    r.media.codec = s.text(10);
    r.media.duration_ms = s.opt_i64(11);
    r.media.started_at = opt_time(s, 12);
    r.media.width = s.i32(13);
    r.media.height = s.i32(14);
    r.media.probe_error = s.text(15);
    r.corrected_start = opt_time(s, 16);
    r.retention = code_to(kRetentionClasses, s.text(17));
    if (!s.is_null(18)) r.long_term_reason = code_to(kLongTermReasons, s.text(18));
    r.case_number = s.text(19);
    r.verified_at = opt_time(s, 20);
    r.committed_at = opt_time(s, 21);
    r.wiped_at = opt_time(s, 22);
    r.purged_at = opt_time(s, 23);
    r.purged_by = s.text(24);
    r.purge_reason = s.text(25);
    return r;
}

// Columns 1..N of an INSERT, and SET list of an UPDATE, bound from one place so the two
// cannot disagree.
void bind_job(Statement& q, const OffloadJob& j) {
    q.bind(1, j.device_id).bind(2, j.slot).bind(3, j.return_entry_id).bind(4, j.checkout_entry_id);
    q.bind(5, j.started_at.ms).bind(6, j.clock_offset_ms).bind(7, code_of(kOffloadJobStates, j.state));
    q.bind(8, j.archive_dir).bind(9, j.failure_code).bind(10, j.failure_zh).bind(11, j.failure_en);
    q.bind(12, j.attempts).bind(13, opt_ms(j.finished_at)).bind(14, j.custody_ms).bind(15, j.recorded_ms);
    q.bind(16, j.longest_gap_ms).bind(17, j.interruption_record_needed ? 1 : 0);
}

void bind_recording(Statement& q, const Recording& r) {
    q.bind(1, r.job_id).bind(2, r.device_id).bind(3, r.source_path).bind(4, r.bytes);
    q.bind(5, code_of(kRecordingStates, r.state)).bind(6, r.sha256).bind(7, r.archive_path);
    q.bind(8, code_of(kMediaKinds, r.media.kind)).bind(9, r.media.container).bind(10, r.media.codec);
    q.bind(11, r.media.duration_ms).bind(12, opt_ms(r.media.started_at)).bind(13, r.media.width);
    q.bind(14, r.media.height).bind(15, r.media.probe_error).bind(16, opt_ms(r.corrected_start));
    q.bind(17, code_of(kRetentionClasses, r.retention));
    std::optional<std::string> reason;
    if (r.long_term_reason) reason = code_of(kLongTermReasons, *r.long_term_reason);
    q.bind(18, reason).bind(19, r.case_number).bind(20, opt_ms(r.verified_at)).bind(21, opt_ms(r.committed_at));
    q.bind(22, opt_ms(r.wiped_at)).bind(23, opt_ms(r.purged_at)).bind(24, r.purged_by).bind(25, r.purge_reason);
}

}  // namespace

Result<Id> FootageRows::insert(Statement& q, const AuditNote& note) {
    CUSTODY_TRY(q.run());
    Id id = c_.last_insert_rowid();
    CUSTODY_TRY(audit_(note));
    return id;
}

Result<std::optional<OffloadJob>> FootageRows::offload_job(Id id) {
    auto q = c_.cached("SELECT" CUSTODY_JOB_COLUMNS "WHERE j.id=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, id);
    return first<OffloadJob>(**q, job_from_row);
}

Result<std::optional<OffloadJob>> FootageRows::unfinished_job_of(Id device_id) {
    auto q = c_.cached("SELECT" CUSTODY_JOB_COLUMNS "WHERE j.device_id=? AND j.state<>'complete'");
    if (!q) return fail(q.error());
    (*q)->bind(1, device_id);
    return first<OffloadJob>(**q, job_from_row);
}

Result<std::vector<OffloadJob>> FootageRows::unfinished_jobs() {
    auto q = c_.cached("SELECT" CUSTODY_JOB_COLUMNS "WHERE j.state<>'complete' ORDER BY j.id");
    if (!q) return fail(q.error());
    return all<OffloadJob>(**q, job_from_row);
}

Result<std::optional<OffloadJob>> FootageRows::job_of_return(Id return_entry_id) {
    auto q = c_.cached("SELECT" CUSTODY_JOB_COLUMNS "WHERE j.return_entry_id=? ORDER BY j.id DESC LIMIT 1");
    if (!q) return fail(q.error());
    (*q)->bind(1, return_entry_id);
    return first<OffloadJob>(**q, job_from_row);
}

Result<std::vector<OffloadJob>> FootageRows::recent_jobs(int limit) {
    auto q = c_.cached("SELECT" CUSTODY_JOB_COLUMNS "ORDER BY j.id DESC LIMIT ?");
    if (!q) return fail(q.error());
    (*q)->bind(1, limit);
    return all<OffloadJob>(**q, job_from_row);
}

Result<std::vector<Recording>> FootageRows::recordings_of_job(Id job_id) {
    auto q = c_.cached("SELECT" CUSTODY_RECORDING_COLUMNS "WHERE job_id=? ORDER BY id");
    if (!q) return fail(q.error());
    (*q)->bind(1, job_id);
    return all<Recording>(**q, recording_from_row);
}

Result<std::optional<Recording>> FootageRows::recording(Id id) {
    auto q = c_.cached("SELECT" CUSTODY_RECORDING_COLUMNS "WHERE id=?");
    if (!q) return fail(q.error());
    (*q)->bind(1, id);
    return first<Recording>(**q, recording_from_row);
}

Result<std::vector<Recording>> FootageRows::archived_recordings() {
    auto q = c_.cached("SELECT" CUSTODY_RECORDING_COLUMNS
                       "WHERE state IN ('verified','committed','wiped') AND purged_at_ms IS NULL ORDER BY id");
    if (!q) return fail(q.error());
    return all<Recording>(**q, recording_from_row);
}

Result<std::vector<Recording>> FootageRows::recordings_of_case(const std::string& case_number) {
    auto q = c_.cached("SELECT" CUSTODY_RECORDING_COLUMNS "WHERE case_number=? ORDER BY id");
    if (!q) return fail(q.error());
    (*q)->bind(1, case_number);
    return all<Recording>(**q, recording_from_row);
}

Result<std::vector<InterruptionRecord>> FootageRows::interruptions_of_job(Id job_id) {
    auto q = c_.cached("SELECT id, job_id, officer_id, reason, basis, recorded_at_ms, recorded_by "
                       "FROM interruption_records WHERE job_id=? ORDER BY id");
    if (!q) return fail(q.error());
    (*q)->bind(1, job_id);
    return all<InterruptionRecord>(**q, [](const Statement& s) {
        return InterruptionRecord{s.i64(0), s.i64(1), s.i64(2), code_to(kInterruptionReasons, s.text(3)),
                                  s.text(4), Timestamp{s.i64(5)}, s.text(6)};
    });
}

Result<std::vector<EvidenceExport>> FootageRows::evidence_exports_of_case(const std::string& case_number) {
    auto q = c_.cached("SELECT id, case_number, folder, iso_path, iso_sha256, maker, extractor, made_at_ms, "
                       "recordings FROM evidence_exports WHERE case_number=? ORDER BY id");
    if (!q) return fail(q.error());
    (*q)->bind(1, case_number);
    return all<EvidenceExport>(**q, [](const Statement& s) {
        return EvidenceExport{s.i64(0), s.text(1), s.text(2), s.text(3), s.text(4),
                              s.text(5), s.text(6), Timestamp{s.i64(7)}, s.i64(8)};
    });
}

Result<std::vector<EvidenceCopy>> FootageRows::evidence_copies_of(Id export_id) {
    auto q = c_.cached("SELECT id, export_id, copy_number, label, recorded_at_ms, recorded_by "
                       "FROM evidence_copies WHERE export_id=? ORDER BY copy_number");
    if (!q) return fail(q.error());
    (*q)->bind(1, export_id);
    return all<EvidenceCopy>(**q, [](const Statement& s) {
        return EvidenceCopy{s.i64(0), s.i64(1), s.i32(2), s.text(3), Timestamp{s.i64(4)}, s.text(5)};
    });
}

Result<Id> FootageRows::add_offload_job(const OffloadJob& j, const AuditNote& note) {
    auto q = c_.cached(
        "INSERT INTO offload_jobs(device_id, slot, return_entry_id, checkout_entry_id, started_at_ms, "
        "clock_offset_ms, state, archive_dir, failure_code, failure_zh, failure_en, attempts, finished_at_ms, "
        "custody_ms, recorded_ms, longest_gap_ms, interruption_needed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!q) return fail(q.error());
    bind_job(**q, j);
    return insert(**q, note);
}

Status FootageRows::update_offload_job(const OffloadJob& j, const AuditNote& note) {
    auto q = c_.cached(
        "UPDATE offload_jobs SET device_id=?, slot=?, return_entry_id=?, checkout_entry_id=?, started_at_ms=?, "
        "clock_offset_ms=?, state=?, archive_dir=?, failure_code=?, failure_zh=?, failure_en=?, attempts=?, "
        "finished_at_ms=?, custody_ms=?, recorded_ms=?, longest_gap_ms=?, interruption_needed=? WHERE id=?");
    if (!q) return fail(q.error());
    bind_job(**q, j);
    (*q)->bind(18, j.id);
    CUSTODY_TRY((*q)->run());
    return audit_(note);
}

Result<Id> FootageRows::add_recording(const Recording& r, const AuditNote& note) {
    auto q = c_.cached(
        "INSERT INTO recordings(job_id, device_id, source_path, bytes, state, sha256, archive_path, media_kind, "
        "container, codec, duration_ms, media_started_at_ms, width, height, probe_error, corrected_start_ms, "
        "retention, long_term_reason, case_number, verified_at_ms, committed_at_ms, wiped_at_ms, purged_at_ms, "
        "purged_by, purge_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!q) return fail(q.error());
    bind_recording(**q, r);
    return insert(**q, note);
}

Status FootageRows::update_recording(const Recording& r, const AuditNote& note) {
    auto q = c_.cached(
        "UPDATE recordings SET job_id=?, device_id=?, source_path=?, bytes=?, state=?, sha256=?, archive_path=?, "
        "media_kind=?, container=?, codec=?, duration_ms=?, media_started_at_ms=?, width=?, height=?, "
        "probe_error=?, corrected_start_ms=?, retention=?, long_term_reason=?, case_number=?, verified_at_ms=?, "
        "committed_at_ms=?, wiped_at_ms=?, purged_at_ms=?, purged_by=?, purge_reason=? WHERE id=?");
    if (!q) return fail(q.error());
    bind_recording(**q, r);
    (*q)->bind(26, r.id);
    CUSTODY_TRY((*q)->run());
    return audit_(note);
}

Result<Id> FootageRows::add_interruption(const InterruptionRecord& r, const AuditNote& note) {
    auto q = c_.cached(
        "INSERT INTO interruption_records(job_id, officer_id, reason, basis, recorded_at_ms, recorded_by) "
        "VALUES (?,?,?,?,?,?)");
    if (!q) return fail(q.error());
    (*q)->bind(1, r.job_id).bind(2, r.officer_id).bind(3, code_of(kInterruptionReasons, r.reason)).bind(4, r.basis);
    (*q)->bind(5, r.recorded_at.ms).bind(6, r.recorded_by);
    return insert(**q, note);
}

Result<Id> FootageRows::add_evidence_export(const EvidenceExport& e, const AuditNote& note) {
    auto q = c_.cached(
        "INSERT INTO evidence_exports(case_number, folder, iso_path, iso_sha256, maker, extractor, made_at_ms, "
        "recordings) VALUES (?,?,?,?,?,?,?,?)");
    if (!q) return fail(q.error());
    (*q)->bind(1, e.case_number).bind(2, e.folder).bind(3, e.iso_path).bind(4, e.iso_sha256).bind(5, e.maker);
    (*q)->bind(6, e.extractor).bind(7, e.made_at.ms).bind(8, e.recordings);
    return insert(**q, note);
}

Result<Id> FootageRows::add_evidence_copy(const EvidenceCopy& c, const AuditNote& note) {
    auto q = c_.cached(
        "INSERT INTO evidence_copies(export_id, copy_number, label, recorded_at_ms, recorded_by) VALUES (?,?,?,?,?)");
    if (!q) return fail(q.error());
    (*q)->bind(1, c.export_id).bind(2, c.copy_number).bind(3, c.label).bind(4, c.recorded_at.ms);
    (*q)->bind(5, c.recorded_by);
    return insert(**q, note);
}

}  // namespace custody::db
