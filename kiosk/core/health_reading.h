#pragma once
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"

namespace custody {

// What the cabinet and the docked camera report about a device (R7, R8).
struct HealthReading {
    Id id = 0;
    Id device_id = 0;
    Timestamp measured_at;
    int battery_pct = 0;
    std::int64_t free_storage_mb = 0;
    std::int64_t clock_offset_s = 0;  // device clock minus kiosk clock
    std::string fault;                // empty when none
};

}  // namespace custody
