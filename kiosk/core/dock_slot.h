#pragma once
#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/device.h"
#include "kiosk/core/health_reading.h"

namespace custody {

// A device sitting in a cabinet slot, with what is known about its readiness.
struct DockedDevice {
    int slot = 0;
    Device device;
    std::optional<HealthReading> health;  // the latest reading
};

}  // namespace custody
