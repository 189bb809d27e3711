#pragma once
// A reading of a docked device (battery, storage, clock, faults) as the cabinet and the
// camera report it. A fault takes the device out of service (R9).

#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

namespace custody {

struct HealthInput {
    std::string device_serial;
    int battery_pct = 0;
    std::int64_t free_storage_mb = 0;
    std::int64_t clock_offset_s = 0;
    std::string fault;
    std::string actor = "kiosk";
    std::string notes;  // "key=value; ..." of how it was measured, for the audit entry
};

class HealthCheck {
public:
    HealthCheck(CustodyStore& store, const Clock& clock) : store_(store), clock_(clock) {}
    // Returns the device as it stands afterwards.
    Result<Device> record(const HealthInput& in);

private:
    CustodyStore& store_;
    const Clock& clock_;
};

}  // namespace custody
