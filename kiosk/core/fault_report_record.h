#pragma once
// A fault or damage an officer or custodian reports when a device comes back (R9). A
// damage kind opens the way to a compensation case (R26).

#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"
#include "kiosk/core/named_code.h"

namespace custody {

enum class FaultKind { CasingDamaged, LensDamaged, WillNotRecord, BatteryProblem, AccessoryMissing, Other };

inline constexpr NamedCode<FaultKind> kFaultKinds[] = {
    {FaultKind::CasingDamaged, "casing_damaged", "外壳破损", "casing damaged"},
    {FaultKind::LensDamaged, "lens_damaged", "镜头损坏", "lens damaged"},
    {FaultKind::WillNotRecord, "will_not_record", "无法录像", "will not record"},
    {FaultKind::BatteryProblem, "battery_problem", "电池故障", "battery problem"},
    {FaultKind::AccessoryMissing, "accessory_missing", "配件缺失", "accessory missing"},
    {FaultKind::Other, "other", "其他故障", "other fault"},
};

// Damage and loss may be someone's doing: the finance office decides on compensation
// (R26). A device that simply stopped working is repaired without one.
constexpr bool needs_compensation_case(FaultKind k) {
    return k == FaultKind::CasingDamaged || k == FaultKind::LensDamaged || k == FaultKind::AccessoryMissing;
}

struct FaultReportRecord {
    Id id = 0;
    Id device_id = 0;
    std::string device_serial;
    FaultKind kind = FaultKind::Other;
    std::optional<Id> reported_by_id;  // the officer, when the reporter is one
    std::string reported_by;           // officer number, or "kiosk" / "custodyctl"
    std::string note;
    Timestamp reported_at;
    bool compensation_case = false;
    // Set once the device was released from quarantine after the report (R9).
    std::optional<Timestamp> closed_at;
    std::string closed_by;
};

}  // namespace custody
