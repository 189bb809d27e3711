#include "kiosk/core/custody_return.h"

#include <span>

#include "kiosk/core/refusal.h"

namespace custody {

Result<ReturnReceipt> Return::run(const ReturnRequest& r) {
    const Timestamp now = clock_.now();
    auto refused = [&](std::unique_ptr<StoreTx>& tx, Error e) -> Result<ReturnReceipt> {
        tx.reset();
        return fail(refuse(store_, std::move(e), r.actor, "return_refused", r.device_serial));
    };
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);

    auto dev = tx->device_by_serial(r.device_serial);
    if (!dev) return fail(dev.error());
    if (!*dev) return refused(tx, Error(MessageId::DeviceUnknown, {r.device_serial}));
    Device device = **dev;

    auto slot_ok = tx->slot_exists(r.slot);
    if (!slot_ok) return fail(slot_ok.error());
    if (!*slot_ok) return refused(tx, Error(MessageId::SlotUnknown, {std::to_string(r.slot)}));
    auto occupant = tx->device_in_slot(r.slot);
    if (!occupant) return fail(occupant.error());
    if (*occupant && (*occupant)->id != device.id)
        return refused(tx, Error(MessageId::SlotOccupied, {std::to_string(r.slot), (*occupant)->serial}));

    // A device already in the cabinet, or written off, cannot come back in.
    if (device.slot || device.status == DeviceStatus::Disposed) {
        std::string status(named(kDeviceStatuses, device.status).zh);
        return refused(tx, Error(MessageId::DeviceNotReturnable, {device.serial, status}));
    }

    ReturnReceipt receipt;
    CustodyEntry entry;
    entry.device_id = device.id;
    entry.slot = r.slot;
    entry.at = now;
    std::string actor = r.actor;
    std::string detail = "slot=" + std::to_string(r.slot);
    if (device.status == DeviceStatus::Out && device.open_checkout_id) {
        auto open = tx->custody_entry(*device.open_checkout_id);
        if (!open) return fail(open.error());
        if (*open) {
            entry.kind = CustodyKind::Return;
            entry.officer_id = (*open)->officer_id;
            entry.partner_id = (*open)->partner_id;
            entry.closes_id = (*open)->id;
            receipt.checked_out_at = (*open)->at;
        }
    }
    if (entry.kind == CustodyKind::Return) {
        auto o = tx->officer(*entry.officer_id);
        if (!o) return fail(o.error());
        receipt.officer = *o;
        if (*o) actor = (*o)->number;
        detail += "; closes=" + std::to_string(*entry.closes_id);
    } else {
        entry.kind = CustodyKind::UnexpectedReturn;
        receipt.unexpected = true;
        detail += "; previous_status=" + std::string(named(kDeviceStatuses, device.status).code);
    }
    device.status = DeviceStatus::Docked;
    device.slot = r.slot;
    device.open_checkout_id.reset();
    detail += "; status=docked";
    auto id = tx->append_custody(entry, device, {actor, std::string(named(kCustodyKinds, entry.kind).code),
                                                 device.serial, detail});
    if (!id) return fail(id.error());
    CUSTODY_TRY(tx->commit());
    receipt.entry_id = *id;
    receipt.device = device;
    receipt.slot = r.slot;
    return receipt;
}

}  // namespace custody
