#include "kiosk/core/health_check.h"

#include <span>

#include "kiosk/core/refusal.h"

namespace custody {

Result<Device> HealthCheck::record(const HealthInput& in) {
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto dev = tx->device_by_serial(in.device_serial);
    if (!dev) return fail(dev.error());
    if (!*dev) {
        tx.reset();
        return fail(refuse(store_, Error(MessageId::DeviceUnknown, {in.device_serial}), in.actor,
                           "health_check_refused", in.device_serial));
    }
    Device device = **dev;
    if (!device.slot) {
        std::string status(named(kDeviceStatuses, device.status).zh);
        tx.reset();
        return fail(refuse(store_, Error(MessageId::DeviceNotDocked, {device.serial, status}), in.actor,
                           "health_check_refused", in.device_serial));
    }
    HealthReading h{0, device.id, clock_.now(), in.battery_pct, in.free_storage_mb, in.clock_offset_s, in.fault};
    std::string detail = "battery=" + std::to_string(h.battery_pct) + "; free_mb=" + std::to_string(h.free_storage_mb) +
                         "; clock_offset_s=" + std::to_string(h.clock_offset_s);
    if (!h.fault.empty()) detail += "; fault=" + h.fault;
    if (!in.notes.empty()) detail += "; " + in.notes;
    auto id = tx->append_health(h, {in.actor, "health_check", device.serial, detail});
    if (!id) return fail(id.error());
    if (!h.fault.empty() && device.status != DeviceStatus::Quarantined) {
        device.status = DeviceStatus::Quarantined;
        CUSTODY_TRY(tx->update_device_state(device, {in.actor, "quarantine", device.serial, "fault=" + h.fault}));
    }
    CUSTODY_TRY(tx->commit());
    return device;
}

}  // namespace custody
