#include "kiosk/core/device_inspection.h"

#include <cmath>
#include <cstdlib>

#include "kiosk/core/camera_binding.h"
#include "kiosk/core/slot_condition.h"
#include "kiosk/core/health_check.h"
#include "kiosk/core/log.h"
#include "kiosk/core/pre_use_check.h"
#include "kiosk/core/refusal.h"

namespace custody {

namespace {

// A camera that left the slot mid-check is not faulty: there is nothing to record.
bool gone(const Error& e) { return e.id == MessageId::CameraUnplugged; }

Error check_failed(const Error& e) { return Error(MessageId::CameraCheckFailed).with_cause(e); }

std::string join_zh(const std::vector<Error>& errors) {
    std::string out;
    for (const auto& e : errors) {
        if (!out.empty()) out += "；";
        out += render(e, Lang::Zh);
    }
    return out;
}

const char* charge_name(ChargeState c) {
    switch (c) {
        case ChargeState::Idle: return "idle";
        case ChargeState::Charging: return "charging";
        case ChargeState::Full: return "full";
        case ChargeState::Fault: return "fault";
    }
    return "unknown";
}

std::int64_t offset_seconds(Timestamp device, Timestamp kiosk) {
    return std::llround(static_cast<double>(device.ms - kiosk.ms) / kMsPerSecond);
}

// What the camera itself reports. Only a camera that left the slot stops the check;
// any other failure is a fault of this device and the check goes on with the rest.
class CameraMeasurement {
public:
    CameraMeasurement(DockedCamera& camera, const AgencyProfile& profile, const Clock& clock, CameraFindings& f,
                      std::vector<Error>& faults)
        : camera_(camera), profile_(profile), clock_(clock), f_(f), faults_(faults) {}

    // false: the camera is gone (`why` says so).
    template <class T, class Use>
    bool take(Result<T> r, Use use) {
        if (r) {
            use(*r);
            return true;
        }
        if (gone(r.error())) {
            why = r.error();
            return false;
        }
        faults_.push_back(check_failed(r.error()));
        return true;
    }

    bool battery_and_storage() {
        return take(camera_.battery_pct(), [&](int pct) { f_.battery_pct = pct; battery_known = true; }) &&
               take(camera_.storage(), [&](const CameraStorage& s) { f_.storage = s; });
    }

    // R7: the clock within tolerance, set when it is not. The standard interface can set
    // the clock but not read it; without the vendor's read call it is set every time.
    bool clock() {
        auto read = camera_.read_clock();
        if (!read && read.error().id == MessageId::CameraCallUnsupported) return set_clock(false);
        bool ok = take(std::move(read), [&](Timestamp t) { f_.clock_offset_found_s = offset_seconds(t, clock_.now()); });
        if (!ok || !f_.clock_offset_found_s) return ok;
        f_.clock_offset_s = *f_.clock_offset_found_s;
        if (std::llabs(f_.clock_offset_s) <= profile_.max_clock_offset_s) return true;
        return set_clock(true);
    }

    std::optional<Error> why;
    bool battery_known = false;

private:
    bool set_clock(bool readable) {
        auto synced = camera_.sync_clock();
        if (!synced) {
            if (gone(synced.error())) {
                why = synced.error();
                return false;
            }
            faults_.push_back(check_failed(synced.error()));
            return true;
        }
        f_.clock_set = true;
        f_.clock_offset_s = 0;  // SyncDevTime writes the kiosk's own clock
        if (!readable) return true;
        return take(camera_.read_clock(), [&](Timestamp t) {
            f_.clock_offset_s = offset_seconds(t, clock_.now());
            if (std::llabs(f_.clock_offset_s) > profile_.max_clock_offset_s)
                faults_.emplace_back(MessageId::ClockNotSet, std::vector<std::string>{std::to_string(f_.clock_offset_s)});
        });
    }

    DockedCamera& camera_;
    const AgencyProfile& profile_;
    const Clock& clock_;
    CameraFindings& f_;
    std::vector<Error>& faults_;
};

std::string notes_of(const InspectionRequest& r, const CameraFindings& f, bool names_left_out) {
    std::string n = std::string("purpose=") + (r.purpose == InspectionPurpose::Issue ? "issue" : "docking") +
                    "; slot=" + std::to_string(r.slot) + "; firmware=" + f.identity.firmware;
    if (f.clock_offset_found_s) n += "; clock_found_s=" + std::to_string(*f.clock_offset_found_s);
    else n += "; clock_found_s=unreadable";
    if (f.clock_set) n += "; clock_set=1";
    const SlotStatus& c = r.cabinet;
    n += "; charge=" + std::string(charge_name(c.charge)) + " " + std::to_string(c.charge_ma) + "mA " +
         std::to_string(c.charge_mv) + "mV " + celsius(c.temperature_dc) + "C";
    if (f.binding) n += "; binding=" + f.binding->officer_number + (names_left_out ? " (names left out)" : "");
    else n += "; binding=not written";
    return n;
}

}  // namespace

Result<InspectionReport> DeviceInspection::inspect(DockedCamera& camera, const InspectionRequest& r) {
    if (r.purpose == InspectionPurpose::Issue && !r.officer)
        throw std::logic_error("an inspection before issue needs the officer it binds");
    AgencyProfile profile;
    Device device;
    Unit unit;
    {
        auto begun = store_.begin();
        if (!begun) return fail(begun.error());
        std::unique_ptr<StoreTx> tx = std::move(*begun);
        auto p = tx->profile();
        if (!p) return fail(p.error());
        profile = *p;
        auto d = tx->device_in_slot(r.slot);
        if (!d) return fail(d.error());
        if (!*d) return fail(Error(MessageId::CameraNotDocked, {std::to_string(r.slot)}));
        device = **d;
        auto u = tx->unit(device.unit_id);
        if (!u) return fail(u.error());
        if (!*u) throw std::logic_error("device without unit despite the foreign key");
        unit = **u;
    }

    InspectionReport rep;
    CameraFindings& f = rep.findings;
    CameraMeasurement m(camera, profile, clock_, f, rep.faults);
    auto identified = camera.identify();
    if (!identified && gone(identified.error())) return fail(identified.error());
    if (identified) {
        f.identity = *identified;
        if (f.identity.serial != device.serial) {
            return fail(refuse(store_,
                               Error(MessageId::SlotHoldsOtherDevice, {std::to_string(r.slot), f.identity.serial, device.serial}),
                               r.actor, "inspection_refused", device.serial));
        }
        if (!firmware_approved(profile, f.identity.firmware))
            rep.faults.emplace_back(MessageId::FirmwareNotApproved,
                                    std::vector<std::string>{f.identity.firmware, profile.approved_firmware});
        if (!m.battery_and_storage() || !m.clock()) return fail(*m.why);
    } else {
        rep.faults.push_back(check_failed(identified.error()));
    }
    for (auto& e : slot_faults(r.cabinet, m.battery_known ? f.battery_pct : 100, profile)) rep.faults.push_back(e);

    HealthReading reading{0, device.id, clock_.now(), f.battery_pct, f.storage.free_mb, f.clock_offset_s,
                          join_zh(rep.faults)};
    if (r.purpose == InspectionPurpose::Issue) {
        rep.problems = pre_use_problems(DockedDevice{r.slot, device, reading}, profile, reading.measured_at);
        if (device.status != DeviceStatus::InService)
            rep.problems.emplace_back(MessageId::DeviceNotDocked,
                                      std::vector<std::string>{device.serial, std::string(named(kDeviceStatuses, device.status).zh)});
    }

    // A camera in the cabinet names nobody, even a faulty one on its way to repair; a
    // camera is bound to an officer only when it is really going out with them.
    bool names_left_out = false;
    const bool bind = identified && (r.purpose == InspectionPurpose::Docking || rep.problems.empty());
    if (bind) {
        OfficerBinding wanted =
            r.purpose == InspectionPurpose::Issue ? binding_for(*r.officer, unit) : cleared_binding(unit);
        auto written = write_and_confirm(camera, wanted);
        if (!written && gone(written.error())) return fail(written.error());
        if (written) {
            f.binding = written->binding;
            names_left_out = written->names_left_out;
        } else {
            rep.faults.push_back(check_failed(written.error()));
            reading.fault = join_zh(rep.faults);
            if (r.purpose == InspectionPurpose::Issue) rep.problems.emplace_back(MessageId::CheckFault,
                                                                                 std::vector<std::string>{reading.fault});
        }
    }

    for (const auto& e : rep.faults)
        log_event(LogLevel::Warning, "slot " + std::to_string(r.slot) + " " + device.serial + ": " + log_line(e),
                  LogFields{}.at_slot(r.slot).of_device(device.serial));
    HealthCheck health(store_, clock_);
    auto recorded = health.record(HealthInput{device.serial, reading.battery_pct, reading.free_storage_mb,
                                              reading.clock_offset_s, reading.fault, r.actor,
                                              notes_of(r, f, names_left_out)});
    if (!recorded) return fail(recorded.error());
    rep.device = *recorded;
    rep.reading = reading;
    return rep;
}

}  // namespace custody
