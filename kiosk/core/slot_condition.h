#pragma once
// What the cabinet's readings of a slot say about the camera in it. R8: a docked camera
// must be charging or full; a charger that reports a fault, runs too hot, or pushes no
// current into a battery that is not full, and a lock the board saw stick, take the
// camera out of service (R9) until a custodian looks.

#include <vector>

#include "kiosk/core/agency_profile.h"
#include "kiosk/core/cabinet_controller.h"
#include "kiosk/core/error.h"

namespace custody {

std::vector<Error> slot_faults(const SlotStatus& slot, int battery_pct, const AgencyProfile& profile);

// Tenths of a degree as people read them: "65.0".
std::string celsius(std::int32_t tenths);

}  // namespace custody
