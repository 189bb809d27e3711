#pragma once
// What cabinet-sim pretends to be: per slot a door, a dock, a lock, a charger with a
// CC/CV curve and the faults a test can inject. No Modbus here; the server copies the
// model into the register tables and back (register_bridge.h).

#include <string>
#include <vector>

namespace custody::sim {

enum class SlotFault { LockJammed, NoCharge, OverTemp, NotRemoved };

struct SimSlot {
    bool door_closed = true;
    bool camera_present = false;
    bool lock_fault = false;
    double state_of_charge = 0.0;  // 0..1 of the docked camera's battery
    int charge_state = 0;          // 0 idle, 1 charging, 2 full, 3 fault
    int millivolts = 0;
    int milliamps = 0;
    int temperature_dc = 250;
    int led = 0;
    int pulses = 0;  // lock pulses seen, for tests to check that the coil was written
    bool lock_jammed = false, no_charge = false, over_temp = false, not_removed = false;
};

class CabinetModel {
public:
    explicit CabinetModel(int slots);
    int slot_count() const { return static_cast<int>(slots_.size()); }
    bool valid(int slot) const { return slot >= 1 && slot <= slot_count(); }
    SimSlot& slot(int n) { return slots_.at(static_cast<std::size_t>(n - 1)); }
    const SimSlot& slot(int n) const { return slots_.at(static_cast<std::size_t>(n - 1)); }

    // Each returns an empty string on success, else the reason for "error <reason>".
    std::string dock(int n);
    std::string remove(int n);
    std::string open_door(int n);
    std::string close_door(int n);
    std::string inject(int n, SlotFault fault);
    void clear(int n);
    // The lock coil was written 1: the solenoid moves unless jammed.
    void pulse(int n);
    // Advances the charging curve by `seconds` of simulated time.
    void advance(double seconds);
    std::string describe(int n) const;

private:
    void update_charger(SimSlot& s, double seconds);
    std::vector<SimSlot> slots_;
};

}  // namespace custody::sim
