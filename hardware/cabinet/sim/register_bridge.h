#pragma once
// Copies the simulated cabinet into libmodbus's register tables and takes back what a
// client wrote (lock pulses, LED patterns), using the map in cabinet_register_map.h.

#include <modbus/modbus.h>

#include <string>

#include "hardware/cabinet/sim/cabinet_model.h"

namespace custody::sim {

struct SimIdentity {
    int firmware_major = 1, firmware_minor = 4, firmware_patch = 2;
    std::string serial = "SIMCAB0000000001";
};

// Tables sized for the largest cabinet: the map's addresses are fixed, whatever N is.
modbus_mapping_t* new_cabinet_mapping();
void publish_identity(modbus_mapping_t* m, const CabinetModel& model, const SimIdentity& id);
void publish_slots(modbus_mapping_t* m, const CabinetModel& model);
// After a request: a lock coil written 1 becomes a pulse and drops back to 0 as the
// board would clear it; LED registers are taken as the model's LED state. Each pulse is
// logged on stderr as "cabinet-sim: pulse slot N at T", T in CLOCK_REALTIME microseconds,
// so that a benchmark can take the moment the unlock command reached the board.
void absorb_writes(modbus_mapping_t* m, CabinetModel& model);

}  // namespace custody::sim
