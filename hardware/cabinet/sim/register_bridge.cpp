#include "hardware/cabinet/sim/register_bridge.h"

#include <time.h>

#include <cstdint>
#include <cstdio>

#include "hardware/cabinet/cabinet_register_map.h"

namespace custody::sim {

namespace map = cabinet_map;

namespace {

// stderr is unbuffered: the line is out before the next request is read.
void log_pulse(int slot) {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    const long long us = static_cast<long long>(ts.tv_sec) * 1000000LL + ts.tv_nsec / 1000;
    std::fprintf(stderr, "cabinet-sim: pulse slot %d at %lld\n", slot, us);
}

}  // namespace

modbus_mapping_t* new_cabinet_mapping() {
    return modbus_mapping_new(map::kMaxSlots, map::discrete_input_count(map::kMaxSlots), map::kMaxSlots,
                              map::kSlotBlockBase + map::kMaxSlots * map::kSlotBlockStride);
}

void publish_identity(modbus_mapping_t* m, const CabinetModel& model, const SimIdentity& id) {
    std::uint16_t* r = m->tab_input_registers + map::kIdentityAddr;
    r[map::kIdMapVersion] = map::kMapVersion;
    r[map::kIdSlotCount] = static_cast<std::uint16_t>(model.slot_count());
    r[map::kIdFirmwareMajor] = static_cast<std::uint16_t>(id.firmware_major);
    r[map::kIdFirmwareMinor] = static_cast<std::uint16_t>(id.firmware_minor);
    r[map::kIdFirmwarePatch] = static_cast<std::uint16_t>(id.firmware_patch);
    for (int i = 0; i < map::kSerialRegisters; ++i) {
        auto at = [&](std::size_t k) -> std::uint16_t {
            return k < id.serial.size() ? static_cast<unsigned char>(id.serial[k]) : 0;
        };
        r[map::kIdSerial + i] = static_cast<std::uint16_t>(at(2 * i) << 8 | at(2 * i + 1));
    }
}

void publish_slots(modbus_mapping_t* m, const CabinetModel& model) {
    for (int n = 1; n <= model.slot_count(); ++n) {
        const SimSlot& s = model.slot(n);
        const int i = n - 1;
        m->tab_input_bits[map::kDoorClosedBase + i] = s.door_closed;
        m->tab_input_bits[map::kCameraPresentBase + i] = s.camera_present;
        m->tab_input_bits[map::kLockFaultBase + i] = s.lock_fault;
        std::uint16_t* r = m->tab_input_registers + map::kSlotBlockBase + i * map::kSlotBlockStride;
        r[map::kOffMillivolts] = static_cast<std::uint16_t>(s.millivolts);
        r[map::kOffMilliamps] = static_cast<std::uint16_t>(s.milliamps);
        r[map::kOffChargeState] = static_cast<std::uint16_t>(s.charge_state);
        r[map::kOffTemperature] = static_cast<std::uint16_t>(static_cast<std::int16_t>(s.temperature_dc));
        m->tab_registers[map::kLedBase + i] = static_cast<std::uint16_t>(s.led);
    }
}

void absorb_writes(modbus_mapping_t* m, CabinetModel& model) {
    for (int n = 1; n <= model.slot_count(); ++n) {
        const int i = n - 1;
        if (m->tab_bits[map::kLockCoilBase + i]) {
            log_pulse(n);
            model.pulse(n);
            m->tab_bits[map::kLockCoilBase + i] = 0;
        }
        model.slot(n).led = m->tab_registers[map::kLedBase + i];
    }
}

}  // namespace custody::sim
