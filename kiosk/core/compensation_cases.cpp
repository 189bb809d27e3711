#include "kiosk/core/compensation_cases.h"

#include "kiosk/core/agency_time.h"
#include "kiosk/core/asset_disposal.h"
#include "kiosk/core/asset_value.h"
#include "kiosk/core/refusal.h"

namespace custody {

std::optional<ViolationKind> violation_for(CompensationCause cause, bool loss) {
    if (opens_violation(cause)) return ViolationKind::DeliberateDamage;
    if (loss && cause == CompensationCause::PoorKeeping) return ViolationKind::LossPoorKeeping;
    return std::nullopt;
}

namespace {

bool refusal(const Error& e) { return e.id != MessageId::StorageFailure && e.id != MessageId::StorageBusy; }

struct Incident {
    Device device;
    Timestamp at;
};

Result<Device> device_named(StoreTx& tx, const std::string& serial) {
    auto d = tx.device_by_serial(serial);
    if (!d) return fail(d.error());
    if (!*d) return fail(Error(MessageId::DeviceUnknown, {serial}));
    return **d;
}

Result<Device> device_with_id(StoreTx& tx, Id id) {
    auto all = tx.devices();
    if (!all) return fail(all.error());
    for (const auto& d : *all)
        if (d.id == id) return d;
    return fail(Error(MessageId::DeviceUnknown, {std::to_string(id)}));
}

// Where the case comes from decides the device and, unless given, the time.
Result<Incident> incident_of(StoreTx& tx, const CaseOpening& o, Timestamp now) {
    if (o.source == CaseSource::FaultReport) {
        if (!o.fault_report_id) return fail(Error(MessageId::FaultReportUnknown, {"-"}));
        auto report = tx.finance().fault_report(*o.fault_report_id);
        if (!report) return fail(report.error());
        if (!*report) return fail(Error(MessageId::FaultReportUnknown, {std::to_string(*o.fault_report_id)}));
        auto taken = tx.finance().case_of_fault_report((*report)->id);
        if (!taken) return fail(taken.error());
        if (*taken)
            return fail(Error(MessageId::FaultReportTaken,
                              {std::to_string((*report)->id), "赔偿案件 / compensation case", std::to_string((*taken)->id)}));
        auto d = device_with_id(tx, (*report)->device_id);
        if (!d) return fail(d.error());
        return Incident{*d, o.incident_at.value_or((*report)->reported_at)};
    }
    auto d = device_named(tx, o.serial);
    if (!d) return fail(d.error());
    if (o.source == CaseSource::Reconciliation) {
        if (!o.reconciliation_id) return fail(Error(MessageId::ReconciliationUnknown, {"-", o.serial}));
        auto counts = tx.recent_reconciliations(100000);
        if (!counts) return fail(counts.error());
        for (const auto& r : *counts) {
            if (r.id != *o.reconciliation_id) continue;
            for (const auto& l : r.lines)
                if (l.device && l.device->id == d->id && l.discrepancy != Discrepancy::None)
                    return Incident{*d, o.incident_at.value_or(r.at)};
        }
        return fail(Error(MessageId::ReconciliationUnknown, {std::to_string(*o.reconciliation_id), o.serial}));
    }
    return Incident{*d, o.incident_at.value_or(now)};
}

}  // namespace

Result<CompensationCase> CompensationCases::open(const CaseOpening& o) {
    const Timestamp now = clock_.now();
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto opened = [&]() -> Result<CompensationCase> {
        auto incident = incident_of(*tx, o, now);
        if (!incident) return fail(incident.error());
        const Device& d = incident->device;
        if (now < incident->at) return fail(Error(MessageId::DateInFuture, {format_local(incident->at)}));
        auto card = tx->finance().asset_card_of_device(d.id);
        if (!card) return fail(card.error());
        if (!*card) return fail(Error(MessageId::CompensationNoAssetCard, {d.serial}));

        CompensationCase c;
        c.device_id = d.id;
        c.asset_id = (*card)->id;
        c.source = o.source;
        c.fault_report_id = o.source == CaseSource::FaultReport ? o.fault_report_id : std::nullopt;
        c.reconciliation_id = o.source == CaseSource::Reconciliation ? o.reconciliation_id : std::nullopt;
        c.loss = o.loss;
        c.incident_at = incident->at;
        c.opened_at = now;
        c.opened_by = actor_;
        c.note = o.note;
        // R26 via R5: the ledger says who had it.
        auto holding = tx->finance().checkout_at(d.id, incident->at);
        if (!holding) return fail(holding.error());
        if (*holding && (*holding)->officer_id) {
            c.liable_officer_id = *(*holding)->officer_id;
            c.liable_basis = LiableBasis::LedgerHolder;
            c.holding_entry_id = (*holding)->id;
        } else if (d.keeper_id) {
            c.liable_officer_id = *d.keeper_id;
            c.liable_basis = LiableBasis::Keeper;
        } else {
            return fail(Error(MessageId::CompensationNobodyLiable, {d.serial, format_local(incident->at)}));
        }

        auto profile = tx->profile();
        if (!profile) return fail(profile.error());
        const DepreciationProfile dp = depreciation_profile_of(*profile);
        const AccountingMonth valued = month_of(local_date_of(incident->at)).previous();
        auto value = value_at_end_of(tx->finance(), **card, dp, valued);
        if (!value) return fail(value.error());
        c.liability = liability_for(o.cause, value->line, profile->negligence_rate_bp);
        c.value_date = value->line.value_date;
        c.depreciation_method = value->line.method;
        c.depreciation_policy = value->line.policy;
        c.value_from_closed_month = value->from_closed_month;

        auto id = tx->finance().add_compensation_case(
            c, {actor_, "compensation_opened", d.serial,
                "cause=" + std::string(named(kCompensationCauses, o.cause).code) + "; liable_officer_id=" +
                    std::to_string(c.liable_officer_id) + "; amount=" + yuan_text(c.liability.amount) +
                    "; value_date=" + date_text(c.value_date)});
        if (!id) return fail(id.error());
        c.id = *id;
        if (auto kind = violation_for(o.cause, o.loss)) {
            auto v = tx->finance().add_violation(
                {0, c.liable_officer_id, *kind, now, actor_, c.id, o.note},
                {actor_, "violation_opened", d.serial,
                 "kind=" + std::string(named(kViolationKinds, *kind).code) + "; case=" + std::to_string(c.id)});
            if (!v) return fail(v.error());
        }
        if (o.loss && d.status != DeviceStatus::Lost && d.status != DeviceStatus::Disposed) {
            Device lost = d;
            lost.status = DeviceStatus::Lost;
            lost.slot.reset();
            CUSTODY_TRY(tx->update_device_state(lost, {actor_, "device_lost", d.serial, "case=" + std::to_string(c.id)}));
            auto e = tx->finance().add_asset_event({0, c.asset_id, now, AssetEventKind::Lost, actor_,
                                                    "case=" + std::to_string(c.id)},
                                                   {actor_, "lost", (*card)->asset_number, "case=" + std::to_string(c.id)});
            if (!e) return fail(e.error());
        }
        return c;
    }();
    if (!opened) {
        tx.reset();
        if (!refusal(opened.error())) return opened;
        return fail(refuse(store_, opened.error(), actor_, "compensation_open_refused", o.serial));
    }
    CUSTODY_TRY(tx->commit());
    return opened;
}

namespace {


// Who may take each step (R26: custodian → unit head → finance; the officer acknowledges).
Status may_take(const CaseStepRequest& r, const Officer& by, const Officer& liable) {
    auto wrong = [&](const char* needed_zh, const char* needed_en) {
        return fail(wrong_role(by, needed_zh, needed_en));
    };
    if (r.step == CaseStep::Acknowledged) {
        if (by.id != liable.id) return fail(Error(MessageId::CompensationNotLiablePerson, {liable.name}));
        return {};
    }
    // Nobody decides their own case.
    if (by.id == liable.id) return wrong("责任人以外的人员", "someone other than the liable officer");
    switch (r.step) {
        case CaseStep::CustodianReview:
            if (by.role != Role::Keeper && by.role != Role::Admin) return wrong("保管员", "a custodian");
            return {};
        case CaseStep::UnitHeadReview:
            if (by.role != Role::UnitHead || by.unit_id != liable.unit_id)
                return wrong("责任人所在单位负责人", "the liable officer's unit head");
            return {};
        case CaseStep::FinanceReview:
        case CaseStep::Payment:
            if (by.role != Role::Finance) return wrong("财务人员", "finance");
            return {};
        case CaseStep::Waived:
            if (by.role != Role::Finance && by.role != Role::UnitHead) return wrong("单位负责人或财务", "the unit head or finance");
            return {};
        case CaseStep::Acknowledged: break;
    }
    return {};
}

Status payment_valid(StoreTx& tx, const CaseStepRequest& r, const CaseProgress& p, Timestamp now) {
    if (!r.amount || *r.amount <= 0) return fail(Error(MessageId::AssetValueZero));
    if (*r.amount > p.outstanding)
        return fail(Error(MessageId::CompensationOverpaid, {yuan_text(*r.amount), yuan_text(p.outstanding)}));
    if (!r.paid_on) return fail(Error(MessageId::CsvEmptyField, {"paid_on"}));
    if (local_date_of(now) < *r.paid_on) return fail(Error(MessageId::DateInFuture, {date_text(*r.paid_on)}));
    if (r.receipt_number.empty()) return fail(Error(MessageId::CsvEmptyField, {"receipt"}));
    auto cases = tx.finance().compensation_cases();
    if (!cases) return fail(cases.error());
    for (const auto& c : *cases) {
        auto events = tx.finance().compensation_events(c.id);
        if (!events) return fail(events.error());
        for (const auto& e : *events)
            if (e.receipt_number == r.receipt_number)
                return fail(Error(MessageId::CompensationReceiptUsed, {r.receipt_number}));
    }
    return {};
}

}  // namespace

Result<CaseProgress> CompensationCases::record(const CaseStepRequest& r) {
    const Timestamp now = clock_.now();
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto recorded = [&]() -> Result<CaseProgress> {
        auto c = tx->finance().compensation_case(r.case_id);
        if (!c) return fail(c.error());
        if (!*c) return fail(Error(MessageId::CompensationCaseUnknown, {std::to_string(r.case_id)}));
        auto events = tx->finance().compensation_events(r.case_id);
        if (!events) return fail(events.error());
        CaseProgress before = progress_of(**c, *events);
        if (!step_allowed(before, r.step))
            return fail(Error(MessageId::CompensationWrongStep,
                              {std::to_string(r.case_id), both_names(kCaseStatuses, before.status),
                               both_names(kCaseSteps, r.step)}));
        auto by = tx->officer_by_number(r.by_number);
        if (!by) return fail(by.error());
        if (!*by) return fail(Error(MessageId::OfficerUnknown, {r.by_number}));
        auto liable = tx->officer((*c)->liable_officer_id);
        if (!liable) return fail(liable.error());
        if (!*liable) return fail(Error(MessageId::OfficerUnknown, {std::to_string((*c)->liable_officer_id)}));
        CUSTODY_TRY(may_take(r, **by, **liable));
        const bool review = r.step == CaseStep::CustodianReview || r.step == CaseStep::UnitHeadReview ||
                            r.step == CaseStep::FinanceReview;
        if ((review || r.step == CaseStep::Waived) && r.reason.empty()) return fail(Error(MessageId::ReasonRequired));
        if (r.step == CaseStep::Payment) CUSTODY_TRY(payment_valid(*tx, r, before, now));

        CompensationEvent e;
        e.case_id = r.case_id;
        e.at = now;
        e.step = r.step;
        e.by_id = (*by)->id;
        if (review) e.approved = r.approved.value_or(true);
        e.reason = r.reason;
        if (r.step == CaseStep::Payment) {
            e.amount = r.amount;
            e.paid_on = r.paid_on;
            e.receipt_number = r.receipt_number;
        }
        std::string detail = "case=" + std::to_string(r.case_id);
        if (e.approved) detail += std::string("; approved=") + (*e.approved ? "1" : "0");
        if (e.amount) detail += "; amount=" + yuan_text(*e.amount) + "; receipt=" + r.receipt_number;
        if (!r.reason.empty()) detail += "; reason=" + r.reason;
        auto id = tx->finance().add_compensation_event(
            e, {r.by_number, std::string(named(kCaseSteps, r.step).code), std::to_string(r.case_id), detail});
        if (!id) return fail(id.error());
        events->push_back(e);
        return progress_of(**c, *events);
    }();
    if (!recorded) {
        tx.reset();
        if (!refusal(recorded.error())) return recorded;
        return fail(refuse(store_, recorded.error(), r.by_number, "compensation_step_refused",
                           std::to_string(r.case_id)));
    }
    CUSTODY_TRY(tx->commit());
    return recorded;
}

}  // namespace custody
