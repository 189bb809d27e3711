#pragma once
// The charging cabinet port: per slot a lock, a door, a camera-present sensor, the
// charger and an LED; for the cabinet its identity. The register map behind it is
// documented in docs/hardware/cabinet-modbus.md.

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/result.h"

namespace custody {

enum class ChargeState { Idle, Charging, Full, Fault };
enum class LedPattern { Off, Green, GreenBlink, Amber, AmberBlink, Red, RedBlink, Blue };

struct SlotStatus {
    int slot = 0;
    bool door_closed = true;
    bool camera_present = false;
    bool lock_fault = false;          // the board saw the lock not move when pulsed
    ChargeState charge = ChargeState::Idle;
    std::int32_t charge_mv = 0;
    std::int32_t charge_ma = 0;
    std::int32_t temperature_dc = 0;  // tenths of a degree Celsius
    LedPattern led = LedPattern::Off;
    bool operator==(const SlotStatus&) const = default;
};

struct CabinetIdentity {
    int slot_count = 0;
    std::string firmware;
    std::string serial;
};

class CabinetController {
public:
    virtual ~CabinetController() = default;
    virtual Result<CabinetIdentity> identity() = 0;
    // One read of every slot, in slot order.
    virtual Result<std::vector<SlotStatus>> read_slots() = 0;
    // Pulses the slot's lock coil. This only asks: the door is open when a later read
    // says so (see CabinetMonitor), never because this call succeeded.
    virtual Status pulse_unlock(int slot) = 0;
    virtual Status set_led(int slot, LedPattern pattern) = 0;
};

}  // namespace custody
