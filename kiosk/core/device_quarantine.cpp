#include "kiosk/core/device_quarantine.h"

#include "kiosk/core/refusal.h"

namespace custody {

namespace {
std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}
std::string status_zh(const Device& d) { return std::string(named(kDeviceStatuses, d.status).zh); }
}  // namespace

Status quarantine_in(StoreTx& tx, Device device, const std::string& reason, const std::string& actor) {
    device.status = DeviceStatus::Quarantined;
    return tx.update_device_state(device, {actor, "quarantine", device.serial, "reason=" + reason});
}

Status DeviceQuarantine::quarantine(const std::string& serial, const std::string& reason, const std::string& actor) {
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto refused = [&](Error e) -> Status {
        tx.reset();
        return fail(refuse(store_, std::move(e), actor, "quarantine_refused", serial));
    };
    auto dev = tx->device_by_serial(serial);
    if (!dev) return fail(dev.error());
    if (!*dev) return refused(Error(MessageId::DeviceUnknown, {serial}));
    const Device& d = **dev;
    const std::string why = trimmed(reason);
    if (why.empty()) return refused(Error(MessageId::QuarantineReasonMissing));
    if (d.status == DeviceStatus::Quarantined) return refused(Error(MessageId::DeviceAlreadyQuarantined, {serial}));
    if (d.status != DeviceStatus::InService && d.status != DeviceStatus::Docked)
        return refused(Error(MessageId::QuarantineNotPossible, {serial, status_zh(d)}));
    CUSTODY_TRY(quarantine_in(*tx, d, why, actor));
    return tx->commit();
}

Status DeviceQuarantine::release(const std::string& serial, const std::string& actor) {
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto refused = [&](Error e) -> Status {
        tx.reset();
        return fail(refuse(store_, std::move(e), actor, "release_refused", serial));
    };
    auto dev = tx->device_by_serial(serial);
    if (!dev) return fail(dev.error());
    if (!*dev) return refused(Error(MessageId::DeviceUnknown, {serial}));
    Device d = **dev;
    if (d.status != DeviceStatus::Quarantined)
        return refused(Error(MessageId::DeviceNotQuarantined, {serial, status_zh(d)}));
    if (!d.slot) return refused(Error(MessageId::ReleaseNeedsSlot, {serial}));
    // Footage still on the camera keeps it docked until the offload finishes (R14, R15).
    auto job = tx->unfinished_job_of(d.id);
    if (!job) return fail(job.error());
    d.status = *job ? DeviceStatus::Docked : DeviceStatus::InService;
    CUSTODY_TRY(tx->update_device_state(
        d, {actor, "quarantine_released", serial, "status=" + std::string(named(kDeviceStatuses, d.status).code)}));
    CUSTODY_TRY(tx->close_fault_reports(d.id, clock_.now(), actor, {actor, "fault_reports_closed", serial, ""}));
    return tx->commit();
}

}  // namespace custody
