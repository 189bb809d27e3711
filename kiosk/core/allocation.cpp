#include "kiosk/core/allocation.h"

#include <algorithm>

namespace custody {

UnitAllocation allocation_of(const UnitHeadcount& count, const AgencyProfile& profile) {
    UnitAllocation a;
    a.unit = count.unit;
    a.officers = count.officers;
    a.devices = count.devices;
    a.officers_per_device = static_cast<int>(count.unit.allocation == AllocationClass::A
                                                 ? profile.officers_per_device_class_a
                                                 : profile.officers_per_device_class_b);
    const int per = std::max(1, a.officers_per_device);
    a.required = (count.officers + per - 1) / per;
    a.shortfall = std::max(0, a.required - a.devices);
    a.surplus = std::max(0, a.devices - a.required);
    return a;
}

}  // namespace custody
