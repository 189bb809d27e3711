#include "kiosk/core/checkout_void.h"

namespace custody {

Result<Device> CheckoutVoid::run(const CheckoutGrant& grant, const std::string& reason) {
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto dev = tx->device_by_serial(grant.device.serial);
    if (!dev) return fail(dev.error());
    auto occupant = tx->device_in_slot(grant.slot);
    if (!occupant) return fail(occupant.error());
    // Only the very checkout still standing, with its slot still free, can be undone.
    if (!*dev || (*dev)->status != DeviceStatus::Out || (*dev)->open_checkout_id != grant.entry_id || *occupant)
        return fail(Error(MessageId::CheckoutNotVoidable,
                          {std::to_string(grant.entry_id), grant.device.serial, std::to_string(grant.slot)}));
    Device device = **dev;
    CustodyEntry entry;
    entry.kind = CustodyKind::Voided;
    entry.device_id = device.id;
    entry.officer_id = grant.officer.id;
    if (grant.partner) entry.partner_id = grant.partner->id;
    entry.slot = grant.slot;
    entry.at = clock_.now();
    entry.closes_id = grant.entry_id;
    device.status = DeviceStatus::InService;
    device.slot = grant.slot;
    device.open_checkout_id.reset();
    auto id = tx->append_custody(entry, device,
                                 {"kiosk", "checkout_voided", device.serial,
                                  "slot=" + std::to_string(grant.slot) + "; closes=" + std::to_string(grant.entry_id) +
                                      "; reason=" + reason + "; status=in_service"});
    if (!id) return fail(id.error());
    CUSTODY_TRY(tx->commit());
    return device;
}

}  // namespace custody
