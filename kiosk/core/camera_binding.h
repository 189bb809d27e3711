#pragma once
// The officer binding in a camera (GA/T 947.4 ZFY_INFO): written at checkout so the
// footage carries the officer's number, cleared on return so a camera in the cabinet
// names nobody. Written, then read back: a vendor call that "succeeds" without storing
// the binding would otherwise go unnoticed until an evidence review.

#include <string>

#include "kiosk/core/camera_link.h"
#include "kiosk/core/officer.h"
#include "kiosk/core/unit.h"

namespace custody {

// ZFY_INFO's officer number is never empty, so "nobody" is a number no officer holds.
inline constexpr const char* kUnassignedOfficerNumber = "000000";

OfficerBinding binding_for(const Officer& officer, const Unit& unit);
OfficerBinding cleared_binding(const Unit& unit);
std::string describe(const OfficerBinding& b);  // "number name / unit code unit name", for audit and messages

struct WrittenBinding {
    OfficerBinding binding;  // what the camera now holds
    bool names_left_out = false;
};

// A name or unit name too long for the camera's fixed fields is left out rather than cut
// (the number is what ties footage to the officer); anything else that fails, fails.
Result<WrittenBinding> write_and_confirm(DockedCamera& camera, const OfficerBinding& wanted);

}  // namespace custody
