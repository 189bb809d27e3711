#pragma once
// R8: a docked camera must be charging or full. The cabinet's readings of the slot say
// whether it is: a charger that reports a fault, runs too hot, or pushes no current into
// a battery that is not full takes the camera out of service (R9) until a custodian looks.

#include <vector>

#include "kiosk/core/agency_profile.h"
#include "kiosk/core/cabinet_controller.h"
#include "kiosk/core/error.h"

namespace custody {

std::vector<Error> charge_faults(const SlotStatus& slot, int battery_pct, const AgencyProfile& profile);

// Tenths of a degree as people read them: "65.0".
std::string celsius(std::int32_t tenths);

}  // namespace custody
