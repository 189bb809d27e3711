// The interruption record's facts (R13): the record, the offload job whose coverage it
// explains, the checkout that job closed, and the review when there is one.
#include "kiosk/core/officer.h"
#include "reports/interruption_record_report.h"
#include "reports/report_snapshot.h"
#include "reports/report_text.h"

namespace custody::reports {

Result<InterruptionReport> load_interruption_report(ReportSnapshot& s, std::optional<Id> id) {
    if (!id) {
        auto newest =
            s.db().prepare("SELECT id FROM interruption_records ORDER BY recorded_at_ms DESC, id DESC LIMIT 1");
        if (!newest) return fail(newest.error());
        auto r = newest->step();
        if (!r) return fail(r.error());
        if (!*r) return fail(Error(MessageId::ReportNoInterruption));
        id = newest->i64(0);
    }
    auto q = s.db().prepare(
        "SELECT i.id, i.reason, i.basis, o.name, o.number, u.name, d.serial, d.brand || ' ' || d.model, j.id, c.at_ms, "
        "ret.at_ms, j.custody_ms, j.recorded_ms, j.longest_gap_ms, i.recorded_at_ms, i.recorded_by, "
        "a.id, coalesce(h.name, ''), coalesce(h.number, ''), coalesce(h.role, ''), a.reviewed_at_ms, coalesce(a.note, "
        "'') "
        "FROM interruption_records i JOIN officers o ON o.id = i.officer_id JOIN units u ON u.id = o.unit_id "
        "JOIN offload_jobs j ON j.id = i.job_id JOIN devices d ON d.id = j.device_id "
        "LEFT JOIN custody_entries c ON c.id = j.checkout_entry_id LEFT JOIN custody_entries ret ON ret.id = "
        "j.return_entry_id "
        "LEFT JOIN interruption_approvals a ON a.interruption_id = i.id LEFT JOIN officers h ON h.id = a.reviewer_id "
        "WHERE i.id = ?1");
    if (!q) return fail(q.error());
    q->bind(1, *id);
    auto row = q->step();
    if (!row) return fail(row.error());
    if (!*row) return fail(Error(MessageId::InterruptionUnknown, {std::to_string(*id)}));
    InterruptionReport r;
    r.agency = s.profile().agency_name;
    r.id = q->i64(0);
    r.reason = parse_named(kInterruptionReasons, q->text(1)).value_or(InterruptionReason::Other);
    r.basis = q->text(2);
    r.officer = person_text(q->text(3), q->text(4));
    r.unit = q->text(5);
    r.device_serial = q->text(6);
    r.device_model = q->text(7);
    r.job_id = q->i64(8);
    if (!q->is_null(9)) r.checked_out_at = Timestamp{q->i64(9)};
    if (!q->is_null(10)) r.returned_at = Timestamp{q->i64(10)};
    r.custody_ms = q->opt_i64(11);
    r.recorded_ms = q->opt_i64(12);
    r.longest_gap_ms = q->opt_i64(13);
    r.recorded_at = Timestamp{q->i64(14)};
    r.recorded_by = q->text(15);
    if (!q->is_null(16)) {
        InterruptionDecision review;
        review.reviewer = person_text(q->text(17), q->text(18));
        if (auto role = parse_named(kRoles, q->text(19))) {
            const auto& n = named(kRoles, *role);
            review.role_zh = n.zh;
            review.role_en = n.en;
        }
        review.reviewed_at = Timestamp{q->i64(20)};
        review.note = q->text(21);
        r.review = std::move(review);
    }
    return r;
}

}  // namespace custody::reports
