#include "kiosk/core/repairs.h"

#include "kiosk/core/asset_disposal.h"
#include "kiosk/core/asset_value.h"
#include "kiosk/core/device_quarantine.h"
#include "kiosk/core/refusal.h"

namespace custody {

namespace {

// A refusal the person can act on, as opposed to the store failing.
struct Refused {
    Error reason;
};

std::string status_names(DeviceStatus s) { return both_names(kDeviceStatuses, s); }

Result<RepairOrder> order_of(FinanceReads& finance, Id id) {
    auto o = finance.repair_order(id);
    if (!o) return fail(o.error());
    if (!*o) return fail(Error(MessageId::RepairOrderUnknown, {std::to_string(id)}));
    if ((*o)->closed())
        return fail(Error(MessageId::RepairClosed,
                          {std::to_string(id), both_names(kRepairOutcomes, *(*o)->outcome)}));
    return **o;
}

Result<Device> device_of(StoreTx& tx, const std::string& serial) {
    auto d = tx.device_by_serial(serial);
    if (!d) return fail(d.error());
    if (!*d) return fail(Error(MessageId::DeviceUnknown, {serial}));
    return **d;
}

Status not_in_future(CivilDate d, Timestamp now) {
    if (local_date_of(now) < d) return fail(Error(MessageId::DateInFuture, {date_text(d)}));
    return {};
}

Status asset_event(StoreTx& tx, Id device_id, AssetEventKind kind, Timestamp now, const std::string& actor,
                   const std::string& detail) {
    auto card = tx.finance().asset_card_of_device(device_id);
    if (!card) return fail(card.error());
    if (!*card) return {};  // a device finance has not carded yet still goes to repair
    auto id = tx.finance().add_asset_event({0, (*card)->id, now, kind, actor, detail},
                                           {actor, std::string(named(kAssetEventKinds, kind).code),
                                            (*card)->asset_number, detail});
    if (!id) return fail(id.error());
    return {};
}

bool refusal(const Error& e) { return e.id != MessageId::StorageFailure && e.id != MessageId::StorageBusy; }

}  // namespace

template <class Step>
Result<RepairOrder> Repairs::in_transaction(const std::string& subject, const char* refused_action, Step step) {
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto done = step(*tx);
    if (!done) {
        tx.reset();
        if (!refusal(done.error())) return done;
        return fail(refuse(store_, done.error(), actor_, refused_action, subject));
    }
    CUSTODY_TRY(tx->commit());
    return done;
}

Result<RepairOrder> Repairs::open(const RepairOpening& o) {
    const Timestamp now = clock_.now();
    return in_transaction(o.serial, "repair_open_refused", [&](StoreTx& tx) -> Result<RepairOrder> {
        auto d = device_of(tx, o.serial);
        if (!d) return fail(d.error());
        if (o.problem.empty()) return fail(Error(MessageId::ReasonRequired));
        if (d->status != DeviceStatus::InService && d->status != DeviceStatus::Docked &&
            d->status != DeviceStatus::Quarantined)
            return fail(Error(MessageId::RepairDeviceUnavailable, {o.serial, status_names(d->status)}));
        auto open = tx.finance().open_repair_of(d->id);
        if (!open) return fail(open.error());
        if (*open) return fail(Error(MessageId::RepairAlreadyOpen, {o.serial, std::to_string((*open)->id)}));
        if (o.fault_report_id) {
            auto report = tx.finance().fault_report(*o.fault_report_id);
            if (!report) return fail(report.error());
            if (!*report || (*report)->device_id != d->id)
                return fail(Error(MessageId::FaultReportUnknown, {std::to_string(*o.fault_report_id)}));
            auto orders = tx.finance().repair_orders();
            if (!orders) return fail(orders.error());
            for (const auto& other : *orders)
                if (other.fault_report_id == o.fault_report_id)
                    return fail(Error(MessageId::FaultReportTaken, {std::to_string(*o.fault_report_id),
                                                                    "维修单 / repair order", std::to_string(other.id)}));
        }
        RepairOrder order;
        order.device_id = d->id;
        order.device_serial = d->serial;
        order.fault_report_id = o.fault_report_id;
        order.problem = o.problem;
        order.opened_at = now;
        order.opened_by = actor_;
        auto id = tx.finance().add_repair_order(order, {actor_, "repair_opened", o.serial, "problem=" + o.problem});
        if (!id) return fail(id.error());
        order.id = *id;
        // Out of service from now: nobody is issued a device on its way to repair (R9).
        if (d->status != DeviceStatus::Quarantined)
            CUSTODY_TRY(quarantine_in(tx, *d, "repair order " + std::to_string(order.id), actor_));
        return order;
    });
}

Result<RepairOrder> Repairs::send(Id order_id, const std::string& supplier, CivilDate sent_on) {
    const Timestamp now = clock_.now();
    return in_transaction(std::to_string(order_id), "repair_send_refused", [&](StoreTx& tx) -> Result<RepairOrder> {
        auto order = order_of(tx.finance(), order_id);
        if (!order) return fail(order.error());
        if (order->sent_on)
            return fail(Error(MessageId::RepairAlreadySent, {std::to_string(order_id), date_text(*order->sent_on)}));
        if (supplier.empty()) return fail(Error(MessageId::CsvEmptyField, {"supplier"}));
        CUSTODY_TRY(not_in_future(sent_on, now));
        const CivilDate opened = local_date_of(order->opened_at);
        if (sent_on < opened)
            return fail(Error(MessageId::RepairDateOrder, {"送修日期 / sent", date_text(sent_on),
                                                           "开单日期 / opened", date_text(opened)}));
        auto d = device_of(tx, order->device_serial);
        if (!d) return fail(d.error());
        if (d->status != DeviceStatus::Quarantined)
            return fail(Error(MessageId::RepairDeviceUnavailable, {d->serial, status_names(d->status)}));
        // The footage on the camera is not the supplier's to take (R15).
        auto job = tx.unfinished_job_of(d->id);
        if (!job) return fail(job.error());
        if (*job) return fail(Error(MessageId::RepairFootageOnCamera, {d->serial}));

        CustodyEntry e;
        e.kind = CustodyKind::SentToRepair;
        e.device_id = d->id;
        e.slot = d->slot;
        e.at = now;
        Device after = *d;
        after.status = DeviceStatus::InRepair;
        after.slot.reset();
        auto entry = tx.append_custody(e, after, {actor_, "sent_to_repair", d->serial,
                                                  "order=" + std::to_string(order_id) + "; supplier=" + supplier});
        if (!entry) return fail(entry.error());
        order->supplier = supplier;
        order->sent_on = sent_on;
        order->sent_entry_id = *entry;
        CUSTODY_TRY(tx.finance().update_repair_order(
            *order, {actor_, "repair_sent", d->serial,
                     "order=" + std::to_string(order_id) + "; supplier=" + supplier + "; on=" + date_text(sent_on)}));
        CUSTODY_TRY(asset_event(tx, d->id, AssetEventKind::SentToRepair, now, actor_,
                                "order=" + std::to_string(order_id) + "; supplier=" + supplier));
        return *order;
    });
}

namespace {

Status place_in_slot(StoreTx& tx, const std::optional<int>& slot) {
    if (!slot) return fail(Error(MessageId::RepairSlotNeeded));
    auto exists = tx.slot_exists(*slot);
    if (!exists) return fail(exists.error());
    if (!*exists) return fail(Error(MessageId::SlotUnknown, {std::to_string(*slot)}));
    auto occupant = tx.device_in_slot(*slot);
    if (!occupant) return fail(occupant.error());
    if (*occupant) return fail(Error(MessageId::SlotOccupied, {std::to_string(*slot), (*occupant)->serial}));
    return {};
}

}  // namespace

Result<RepairOrder> Repairs::give_back(const RepairReturn& r) {
    const Timestamp now = clock_.now();
    return in_transaction(std::to_string(r.order_id), "repair_return_refused", [&](StoreTx& tx) -> Result<RepairOrder> {
        auto order = order_of(tx.finance(), r.order_id);
        if (!order) return fail(order.error());
        if (!order->sent_on) return fail(Error(MessageId::RepairNotSent, {std::to_string(r.order_id)}));
        CUSTODY_TRY(not_in_future(r.returned_on, now));
        if (r.returned_on < *order->sent_on)
            return fail(Error(MessageId::RepairDateOrder, {"返回日期 / returned", date_text(r.returned_on),
                                                           "送修日期 / sent", date_text(*order->sent_on)}));
        auto d = device_of(tx, order->device_serial);
        if (!d) return fail(d.error());
        const bool written_off = r.outcome == RepairOutcome::WrittenOff;
        if (!written_off) CUSTODY_TRY(place_in_slot(tx, r.slot));

        CustodyEntry e;
        e.kind = CustodyKind::BackFromRepair;
        e.device_id = d->id;
        if (!written_off) e.slot = r.slot;
        e.at = now;
        Device after = *d;
        after.status = written_off ? DeviceStatus::Disposed : DeviceStatus::InService;
        after.slot = written_off ? std::nullopt : r.slot;
        const std::string outcome = std::string(named(kRepairOutcomes, r.outcome).code);
        const std::string detail = "order=" + std::to_string(r.order_id) + "; outcome=" + outcome +
                                   "; cost=" + yuan_text(r.cost);
        auto entry = tx.append_custody(e, after, {actor_, "back_from_repair", d->serial, detail});
        if (!entry) return fail(entry.error());
        order->returned_on = r.returned_on;
        order->back_entry_id = *entry;
        order->cost = r.cost;
        order->outcome = r.outcome;
        order->outcome_note = r.note;
        CUSTODY_TRY(tx.finance().update_repair_order(*order, {actor_, "repair_returned", d->serial, detail}));
        CUSTODY_TRY(asset_event(tx, d->id, written_off ? AssetEventKind::Disposed : AssetEventKind::BackFromRepair,
                                now, actor_, detail));
        CUSTODY_TRY(tx.close_fault_reports(d->id, now, actor_, {actor_, "fault_reports_closed", d->serial, detail}));
        if (written_off) {
            auto card = tx.finance().asset_card_of_device(d->id);
            if (!card) return fail(card.error());
            if (*card) {
                DisposalRequest req{(*card)->asset_number, r.returned_on,
                                    r.asset_disposal_reason.empty() ? "维修无法修复 / beyond repair: " + r.note
                                                                    : r.asset_disposal_reason,
                                    actor_, r.approver_number};
                auto disposed = dispose_asset(tx, req, now);
                if (!disposed) return fail(disposed.error());
            }
        }
        return *order;
    });
}

}  // namespace custody
