#include "kiosk/core/dock_arrival.h"

#include "kiosk/core/refusal.h"

namespace custody {

OffloadRequest offload_request_for(const DockArrivalReport& report, const std::string& actor) {
    OffloadRequest r;
    r.slot = report.slot;
    r.actor = actor;
    if (report.returned) r.return_entry_id = report.returned->entry_id;
    if (report.inspection.findings.clock_offset_found_s)
        r.clock_offset_ms = *report.inspection.findings.clock_offset_found_s * kMsPerSecond;
    return r;
}

Result<DockArrivalReport> DockArrival::run(int slot, const SlotStatus& cabinet) {
    const std::string slot_text = std::to_string(slot);
    auto unidentified = [&](const Error& cause) {
        return fail(refuse(store_, Error(MessageId::DockUnidentified, {slot_text}).with_cause(cause), "kiosk",
                           "dock_unidentified", "slot " + slot_text));
    };
    auto camera = cameras_.open(slot);
    if (!camera) return unidentified(camera.error());
    auto identity = (*camera)->identify();
    if (!identity) return unidentified(identity.error());

    DockArrivalReport report;
    report.slot = slot;
    std::optional<Device> known_here;
    {
        auto begun = store_.begin();
        if (!begun) return fail(begun.error());
        auto d = (*begun)->device_in_slot(slot);
        if (!d) return fail(d.error());
        known_here = *d;
    }
    if (!known_here || known_here->serial != identity->serial) {
        Return ret(store_, clock_);
        auto receipt = ret.run(ReturnRequest{identity->serial, slot, "kiosk"});
        if (!receipt) return fail(receipt.error());
        report.returned = *receipt;
    }
    DeviceInspection inspection(store_, clock_);
    auto checked = inspection.inspect(**camera, InspectionRequest{slot, InspectionPurpose::Docking, cabinet, {}, "kiosk"});
    if (!checked) return fail(checked.error());
    report.inspection = std::move(*checked);
    return report;
}

}  // namespace custody
