#pragma once
// R7/R8: a device goes out only with no fault, enough battery for a working day, enough
// free storage and a clock set to the right time, judged on a recent health reading.

#include <vector>

#include "kiosk/core/agency_profile.h"
#include "kiosk/core/dock_slot.h"
#include "kiosk/core/error.h"

namespace custody {

// Every reason the device fails the check; empty means it passes.
std::vector<Error> pre_use_problems(const DockedDevice& d, const AgencyProfile& p, Timestamp now);

}  // namespace custody
