#pragma once
// The cabinet board's Modbus register map, version 1 (docs/hardware/cabinet-modbus.md).
// Shared by the adapter and cabinet-sim so the two cannot disagree on an address.

namespace custody::cabinet_map {

constexpr int kMapVersion = 1;
// 4 input registers per slot must fit one read of at most 125 registers.
constexpr int kMaxSlots = 30;
constexpr int kDefaultUnitId = 1;

// Input registers: identity block.
constexpr int kIdentityAddr = 0;
constexpr int kIdentityCount = 16;
constexpr int kIdMapVersion = 0;
constexpr int kIdSlotCount = 1;
constexpr int kIdFirmwareMajor = 2;
constexpr int kIdFirmwareMinor = 3;
constexpr int kIdFirmwarePatch = 4;
constexpr int kIdSerial = 8;
constexpr int kSerialRegisters = 8;  // 16 ASCII characters

// Coils: slot n's lock at kLockCoilBase + n - 1.
constexpr int kLockCoilBase = 0;

// Discrete inputs: three bit tables, 32 apart, so one read covers them all.
constexpr int kBitStride = 32;
constexpr int kDoorClosedBase = 0;
constexpr int kCameraPresentBase = kBitStride;
constexpr int kLockFaultBase = 2 * kBitStride;
constexpr int discrete_input_count(int slots) { return 2 * kBitStride + slots; }

// Input registers: slot n's block at kSlotBlockBase + (n - 1) * kSlotBlockStride.
constexpr int kSlotBlockBase = 100;
constexpr int kSlotBlockStride = 4;
constexpr int kOffMillivolts = 0;
constexpr int kOffMilliamps = 1;
constexpr int kOffChargeState = 2;
constexpr int kOffTemperature = 3;  // signed, 0.1 °C

// Holding registers: slot n's LED pattern at kLedBase + n - 1.
constexpr int kLedBase = 0;

constexpr int kChargeStateMax = 3;  // idle, charging, full, fault
constexpr int kLedPatternMax = 7;   // off .. blue, in LedPattern order

}  // namespace custody::cabinet_map
