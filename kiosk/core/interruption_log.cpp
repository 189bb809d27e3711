#include "kiosk/core/interruption_log.h"

#include "kiosk/core/refusal.h"

namespace custody {

Result<InterruptionRecord> InterruptionLog::add(const InterruptionRequest& request) {
    const std::string subject = "offload_job:" + std::to_string(request.job_id);
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto refused = [&](Error e) -> Result<InterruptionRecord> {
        tx.reset();
        return fail(refuse(store_, std::move(e), request.actor, "interruption_refused", subject));
    };
    auto job = tx->offload_job(request.job_id);
    if (!job) return fail(job.error());
    if (!*job) return refused(Error(MessageId::JobUnknown, {std::to_string(request.job_id)}));
    auto officer = tx->officer_by_number(request.officer_number);
    if (!officer) return fail(officer.error());
    if (!*officer) return refused(Error(MessageId::OfficerUnknown, {request.officer_number}));
    const auto b = request.basis.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return refused(Error(MessageId::InterruptionBasisMissing));
    InterruptionRecord r;
    r.job_id = request.job_id;
    r.officer_id = (*officer)->id;
    r.reason = request.reason;
    r.basis = request.basis.substr(b, request.basis.find_last_not_of(" \t\r\n") - b + 1);
    r.recorded_at = clock_.now();
    r.recorded_by = request.actor;
    auto id = tx->add_interruption(r, {request.actor, "interruption_recorded", (*job)->device_serial,
                                       "job=" + std::to_string(r.job_id) + "; officer=" + (*officer)->number +
                                           "; reason=" + std::string(named(kInterruptionReasons, r.reason).code)});
    if (!id) return fail(id.error());
    CUSTODY_TRY(tx->commit());
    r.id = *id;
    return r;
}

Result<OffloadJob> InterruptionLog::job_of_return(Id return_entry_id) {
    auto tx = store_.begin();
    if (!tx) return fail(tx.error());
    auto job = (*tx)->job_of_return(return_entry_id);
    if (!job) return fail(job.error());
    if (!*job) return fail(Error(MessageId::ReturnHasNoJob, {std::to_string(return_entry_id)}));
    return **job;
}

}  // namespace custody
