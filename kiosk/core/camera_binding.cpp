#include "kiosk/core/camera_binding.h"

#include "kiosk/core/log.h"

namespace custody {

OfficerBinding binding_for(const Officer& officer, const Unit& unit) {
    return {officer.number, officer.name, unit.code, unit.name};
}

OfficerBinding cleared_binding(const Unit& unit) { return {kUnassignedOfficerNumber, "", unit.code, unit.name}; }

std::string describe(const OfficerBinding& b) {
    return b.officer_number + " " + b.officer_name + " / " + b.unit_code + " " + b.unit_name;
}

namespace {
bool same(const OfficerBinding& a, const OfficerBinding& b) {
    return a.officer_number == b.officer_number && a.officer_name == b.officer_name && a.unit_code == b.unit_code &&
           a.unit_name == b.unit_name;
}
}  // namespace

Result<WrittenBinding> write_and_confirm(DockedCamera& camera, const OfficerBinding& wanted) {
    WrittenBinding out{wanted, false};
    auto w = camera.write_binding(out.binding);
    if (!w && w.error().id == MessageId::CameraNameTooLong) {
        log_event(LogLevel::Warning, log_line(w.error()) + "; writing the officer number and unit code only");
        out.binding.officer_name.clear();
        out.binding.unit_name.clear();
        out.names_left_out = true;
        w = camera.write_binding(out.binding);
    }
    if (!w) return fail(w.error());
    auto back = camera.read_binding();
    if (!back) return fail(back.error());
    if (!same(*back, out.binding))
        return fail(Error(MessageId::BindingNotWritten, {describe(out.binding), describe(*back)}));
    return out;
}

}  // namespace custody
