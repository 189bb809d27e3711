#include "kiosk/core/offload_completion.h"

#include <span>

#include "kiosk/core/refusal.h"

namespace custody {

Result<Device> OffloadCompletion::record(const OffloadSummary& s) {
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto dev = tx->device_by_serial(s.device_serial);
    if (!dev) return fail(dev.error());
    // A camera quarantined at return (R9) still has footage that must come off (R14); it
    // just stays out of service afterwards.
    if (!*dev || ((*dev)->status != DeviceStatus::Docked && (*dev)->status != DeviceStatus::Quarantined)) {
        Error e = !*dev ? Error(MessageId::DeviceUnknown, {s.device_serial})
                        : Error(MessageId::DeviceNotDocked,
                                {s.device_serial, std::string(named(kDeviceStatuses, (*dev)->status).zh)});
        tx.reset();
        return fail(refuse(store_, std::move(e), s.actor, "offload_complete_refused", s.device_serial));
    }
    Device device = **dev;
    if (device.status == DeviceStatus::Docked) device.status = DeviceStatus::InService;
    CUSTODY_TRY(tx->update_device_state(
        device, {s.actor, "offload_complete", device.serial,
                 "recordings=" + std::to_string(s.recordings) + "; bytes=" + std::to_string(s.bytes)}));
    CUSTODY_TRY(tx->commit());
    return device;
}

}  // namespace custody
