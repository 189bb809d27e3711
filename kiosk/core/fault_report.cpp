#include "kiosk/core/fault_report.h"

#include "kiosk/core/device_quarantine.h"
#include "kiosk/core/refusal.h"

namespace custody {

namespace {
std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}
}  // namespace

Result<Id> FaultReport::file(const FaultReportRequest& request) {
    const std::string& serial = request.device_serial;
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto refused = [&](Error e) -> Result<Id> {
        tx.reset();
        return fail(refuse(store_, std::move(e), request.reported_by, "fault_report_refused", serial));
    };
    auto dev = tx->device_by_serial(serial);
    if (!dev) return fail(dev.error());
    if (!*dev) return refused(Error(MessageId::DeviceUnknown, {serial}));
    const Device& d = **dev;
    if (d.status == DeviceStatus::Out || d.status == DeviceStatus::InRepair || d.status == DeviceStatus::Lost ||
        d.status == DeviceStatus::Disposed)
        return refused(
            Error(MessageId::FaultReportNotPossible, {serial, std::string(named(kDeviceStatuses, d.status).zh)}));
    auto officer = tx->officer_by_number(request.reported_by);
    if (!officer) return fail(officer.error());
    if (!*officer) return refused(Error(MessageId::OfficerUnknown, {request.reported_by}));
    const std::string note = trimmed(request.note);
    if (request.kind == FaultKind::Other && note.empty()) return refused(Error(MessageId::FaultNoteMissing));

    FaultReportRecord r;
    r.device_id = d.id;
    r.device_serial = d.serial;
    r.kind = request.kind;
    r.reported_by_id = (*officer)->id;
    r.reported_by = (*officer)->number;
    r.note = note;
    r.reported_at = clock_.now();
    r.compensation_case = needs_compensation_case(r.kind);
    const std::string kind(named(kFaultKinds, r.kind).code);
    auto id = tx->add_fault_report(r, {r.reported_by, "fault_reported", serial,
                                       "kind=" + kind + "; compensation_case=" + (r.compensation_case ? "1" : "0")});
    if (!id) return fail(id.error());
    if (d.status != DeviceStatus::Quarantined)
        CUSTODY_TRY(quarantine_in(*tx, d, "fault_report:" + std::to_string(*id) + " " + kind, r.reported_by));
    CUSTODY_TRY(tx->commit());
    return *id;
}

Result<std::vector<FaultReportRecord>> FaultReport::open_reports() {
    auto tx = store_.begin();
    if (!tx) return fail(tx.error());
    return (*tx)->open_fault_reports();
}

}  // namespace custody
