#pragma once
// R2: each unit holds at least one device per N officers, N from its allocation class
// (A: 2, B: 5, agency policy in the profile). The count is rounded up: 7 officers in a
// class A unit need 4 devices.

#include "kiosk/core/agency_profile.h"
#include "kiosk/core/unit.h"

namespace custody {

struct UnitHeadcount {
    Unit unit;
    int officers = 0;  // active people of the unit who go out on enforcement work
    int devices = 0;   // the unit's devices still on its books (not lost, not disposed)
};

struct UnitAllocation {
    Unit unit;
    int officers = 0;
    int devices = 0;
    int officers_per_device = 0;
    int required = 0;
    int shortfall = 0;
    int surplus = 0;
    bool meets_standard() const { return shortfall == 0; }
};

UnitAllocation allocation_of(const UnitHeadcount& count, const AgencyProfile& profile);

}  // namespace custody
