#include "kiosk/core/interruption_review.h"

#include "kiosk/core/agency_time.h"
#include "kiosk/core/refusal.h"

namespace custody {

bool may_review_interruption(const Officer& reviewer, const Officer& record_officer) {
    if (!reviewer.active || reviewer.id == record_officer.id) return false;
    if (reviewer.role == Role::Supervisor || reviewer.role == Role::Admin) return true;
    return reviewer.role == Role::UnitHead && reviewer.unit_id == record_officer.unit_id;
}

Result<std::vector<InterruptionRecord>> InterruptionReview::pending() {
    auto tx = store_.begin();
    if (!tx) return fail(tx.error());
    return (*tx)->unreviewed_interruptions();
}

Status InterruptionReview::approve(Id record_id, const Officer& reviewer, const std::string& note) {
    const std::string subject = "interruption:" + std::to_string(record_id);
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto refused = [&](Error e) -> Status {
        tx.reset();
        return fail(refuse(store_, std::move(e), reviewer.number, "interruption_review_refused", subject));
    };
    auto record = tx->interruption(record_id);
    if (!record) return fail(record.error());
    if (!*record) return refused(Error(MessageId::InterruptionUnknown, {std::to_string(record_id)}));
    auto earlier = tx->approval_of(record_id);
    if (!earlier) return fail(earlier.error());
    if (*earlier)
        return refused(Error(MessageId::InterruptionAlreadyReviewed,
                             {std::to_string(record_id), format_local((*earlier)->reviewed_at), (*earlier)->reviewer_number}));
    auto officer = tx->officer((*record)->officer_id);
    if (!officer) return fail(officer.error());
    if (!*officer) throw std::logic_error("interruption record without officer despite the foreign key");
    auto current = tx->officer(reviewer.id);
    if (!current) return fail(current.error());
    const Officer& who = *current ? **current : reviewer;
    if (!*current || who.number != reviewer.number)
        return refused(Error(MessageId::InterruptionReviewerRefused, {reviewer.name, reviewer.number}));
    if (who.id == (*officer)->id) return refused(Error(MessageId::InterruptionSelfReview, {who.name, who.number}));
    if (!may_review_interruption(who, **officer))
        return refused(Error(MessageId::InterruptionReviewerRefused, {who.name, who.number}));
    InterruptionApproval a;
    a.interruption_id = record_id;
    a.reviewer_id = who.id;
    a.reviewer_number = who.number;
    a.note = note;
    a.reviewed_at = clock_.now();
    auto id = tx->add_interruption_approval(
        a, {who.number, "interruption_reviewed", subject,
            "job=" + std::to_string((*record)->job_id) + "; officer=" + (*officer)->number});
    if (!id) return fail(id.error());
    return tx->commit();
}

}  // namespace custody
