#include "hardware/cabinet/sim/cabinet_model.h"

#include <algorithm>

namespace custody::sim {

namespace {
// A body-worn camera's pack: about 3000 mAh, charged at 1500 mA constant current up to
// 4200 mV (reached at 80 % charge), then at constant voltage with the current tapering;
// the charger calls it full below 100 mA, as common Li-ion chargers do.
constexpr double kCapacityMah = 3000.0;
constexpr double kCcMilliamps = 1500.0;
constexpr double kCvStart = 0.8;
constexpr double kFullBelowMilliamps = 100.0;
constexpr double kDockedCharge = 0.3;  // a camera comes back from a shift partly drained
constexpr int kAmbientDc = 250;
constexpr int kOverTempDc = 650;
}  // namespace

CabinetModel::CabinetModel(int slots) : slots_(static_cast<std::size_t>(slots)) {}

std::string CabinetModel::dock(int n) {
    SimSlot& s = slot(n);
    if (s.camera_present) return "slot already holds a camera";
    s.camera_present = true;
    s.state_of_charge = kDockedCharge;
    update_charger(s, 0);
    return {};
}

std::string CabinetModel::remove(int n) {
    SimSlot& s = slot(n);
    if (!s.camera_present) return "slot is empty";
    // The fault an officer causes by walking off without the camera.
    if (s.not_removed) return "camera not removed (fault injected)";
    s.camera_present = false;
    update_charger(s, 0);
    return {};
}

std::string CabinetModel::open_door(int n) {
    SimSlot& s = slot(n);
    if (s.lock_jammed) return "lock jammed";
    s.door_closed = false;
    s.lock_fault = false;
    return {};
}

std::string CabinetModel::close_door(int n) {
    slot(n).door_closed = true;
    return {};
}

std::string CabinetModel::inject(int n, SlotFault fault) {
    SimSlot& s = slot(n);
    switch (fault) {
        case SlotFault::LockJammed: s.lock_jammed = true; break;
        case SlotFault::NoCharge: s.no_charge = true; break;
        case SlotFault::OverTemp: s.over_temp = true; break;
        case SlotFault::NotRemoved: s.not_removed = true; break;
    }
    update_charger(s, 0);
    return {};
}

void CabinetModel::clear(int n) {
    SimSlot& s = slot(n);
    s.lock_jammed = s.no_charge = s.over_temp = s.not_removed = false;
    s.lock_fault = false;
    update_charger(s, 0);
}

void CabinetModel::pulse(int n) {
    SimSlot& s = slot(n);
    ++s.pulses;
    if (s.lock_jammed) {
        s.lock_fault = true;  // the board drove the solenoid but the door switch never moved
        return;
    }
    s.door_closed = false;
    s.lock_fault = false;
}

void CabinetModel::advance(double seconds) {
    for (auto& s : slots_) update_charger(s, seconds);
}

void CabinetModel::update_charger(SimSlot& s, double seconds) {
    if (!s.camera_present) {
        s.charge_state = 0;
        s.millivolts = s.milliamps = 0;
        s.temperature_dc = s.over_temp ? kOverTempDc : kAmbientDc;
        return;
    }
    if (s.over_temp) {
        // The board cuts the charger and reports a fault; the battery sits at rest voltage.
        s.charge_state = 3;
        s.milliamps = 0;
        s.millivolts = 3500 + static_cast<int>(700 * std::min(s.state_of_charge / kCvStart, 1.0));
        s.temperature_dc = kOverTempDc;
        return;
    }
    double current;
    double volts;
    if (s.state_of_charge < kCvStart) {
        current = kCcMilliamps;
        volts = 3500 + 700 * s.state_of_charge / kCvStart;
    } else {
        current = kCcMilliamps * (1.0 - s.state_of_charge) / (1.0 - kCvStart);
        volts = 4200;
    }
    if (current < kFullBelowMilliamps) {
        s.charge_state = 2;
        s.millivolts = 4200;
        s.milliamps = 0;
        s.temperature_dc = kAmbientDc;
        return;
    }
    if (s.no_charge) {
        // A broken contact: the board believes it is charging but nothing flows.
        s.charge_state = 1;
        s.millivolts = static_cast<int>(volts);
        s.milliamps = 0;
        s.temperature_dc = kAmbientDc;
        return;
    }
    s.state_of_charge = std::min(1.0, s.state_of_charge + current * seconds / 3600.0 / kCapacityMah);
    s.charge_state = 1;
    s.millivolts = static_cast<int>(volts);
    s.milliamps = static_cast<int>(current);
    s.temperature_dc = kAmbientDc + static_cast<int>(80 * current / kCcMilliamps);
}

std::string CabinetModel::describe(int n) const {
    const SimSlot& s = slot(n);
    return std::string("door=") + (s.door_closed ? "closed" : "open") +
           " camera=" + (s.camera_present ? "present" : "absent") +
           " lock-fault=" + (s.lock_fault ? "1" : "0") + " state=" + std::to_string(s.charge_state) +
           " mv=" + std::to_string(s.millivolts) + " ma=" + std::to_string(s.milliamps) +
           " temp=" + std::to_string(s.temperature_dc) + " led=" + std::to_string(s.led) +
           " pulses=" + std::to_string(s.pulses);
}

}  // namespace custody::sim
