// The receipt's facts: one offload job, the return it followed and the checkout that
// return closed, and the job's files.
#include "reports/offload_receipt.h"
#include "reports/report_snapshot.h"
#include "reports/report_text.h"

namespace custody::reports {

Result<OffloadReceipt> load_offload_receipt(ReportSnapshot& s, std::optional<Id> job_id) {
    if (!job_id) {
        auto newest = s.db().prepare(
            "SELECT id FROM offload_jobs WHERE state = 'complete' ORDER BY finished_at_ms DESC, id DESC LIMIT 1");
        if (!newest) return fail(newest.error());
        auto r = newest->step();
        if (!r) return fail(r.error());
        if (!*r) return fail(Error(MessageId::ReportNoOffload));
        job_id = newest->i64(0);
    }
    // The returning officer is the return entry's; an unexpected return has none, and
    // then the checkout, when the job knows one, says who had the camera.
    auto q = s.db().prepare(
        "SELECT j.id, d.serial, d.brand || ' ' || d.model, u.name, j.slot, coalesce(o.name, co.name, ''), "
        "coalesce(o.number, co.number, ''), coalesce(p.name, ''), coalesce(p.number, ''), c.at_ms, ret.at_ms, "
        "j.started_at_ms, j.finished_at_ms, j.state, j.failure_zh, j.failure_en, j.attempts, j.custody_ms, "
        "j.recorded_ms, j.longest_gap_ms, j.interruption_needed "
        "FROM offload_jobs j JOIN devices d ON d.id = j.device_id JOIN units u ON u.id = d.unit_id "
        "LEFT JOIN custody_entries ret ON ret.id = j.return_entry_id LEFT JOIN officers o ON o.id = ret.officer_id "
        "LEFT JOIN custody_entries c ON c.id = j.checkout_entry_id LEFT JOIN officers co ON co.id = c.officer_id "
        "LEFT JOIN officers p ON p.id = c.partner_id WHERE j.id = ?1");
    if (!q) return fail(q.error());
    q->bind(1, *job_id);
    auto row = q->step();
    if (!row) return fail(row.error());
    if (!*row) return fail(Error(MessageId::JobUnknown, {std::to_string(*job_id)}));
    OffloadReceipt r;
    r.agency = s.profile().agency_name;
    r.job_id = q->i64(0);
    r.device_serial = q->text(1);
    r.device_model = q->text(2);
    r.unit = q->text(3);
    r.slot = q->i32(4);
    r.officer = person_text(q->text(5), q->text(6));
    r.partner = person_text(q->text(7), q->text(8));
    if (!q->is_null(9)) r.checked_out_at = Timestamp{q->i64(9)};
    if (!q->is_null(10)) r.returned_at = Timestamp{q->i64(10)};
    r.started_at = Timestamp{q->i64(11)};
    if (!q->is_null(12)) r.finished_at = Timestamp{q->i64(12)};
    r.state = parse_named(kOffloadJobStates, q->text(13)).value_or(OffloadJobState::Running);
    r.failure_zh = q->text(14);
    r.failure_en = q->text(15);
    r.attempts = q->i32(16);
    r.custody_ms = q->opt_i64(17);
    r.recorded_ms = q->opt_i64(18);
    r.longest_gap_ms = q->opt_i64(19);
    r.interruption_needed = q->i64(20) != 0;

    auto files = s.db().prepare(
        "SELECT source_path, media_kind, bytes, duration_ms, sha256, state, wiped_at_ms "
        "FROM recordings WHERE job_id = ?1 ORDER BY source_path, id");
    if (!files) return fail(files.error());
    files->bind(1, r.job_id);
    while (true) {
        auto f = files->step();
        if (!f) return fail(f.error());
        if (!*f) break;
        ReceiptFile file;
        file.name = files->text(0);
        file.kind = parse_named(kMediaKinds, files->text(1)).value_or(MediaKind::Other);
        file.bytes = files->i64(2);
        file.duration_ms = files->opt_i64(3);
        file.sha256 = files->text(4);
        file.state = parse_named(kRecordingStates, files->text(5)).value_or(RecordingState::Pending);
        if (!files->is_null(6)) file.wiped_at = Timestamp{files->i64(6)};
        r.files.push_back(std::move(file));
    }
    auto records = s.db().prepare("SELECT id FROM interruption_records WHERE job_id = ?1 ORDER BY id");
    if (!records) return fail(records.error());
    records->bind(1, r.job_id);
    while (true) {
        auto i = records->step();
        if (!i) return fail(i.error());
        if (!*i) break;
        r.interruption_records.push_back(records->i64(0));
    }
    return r;
}

}  // namespace custody::reports
