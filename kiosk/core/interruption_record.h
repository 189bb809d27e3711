#pragma once
// R13: when recording stopped or could not be used, the officer says why afterwards; the
// unit head reviews it and it is archived with the custody entry.

#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"
#include "kiosk/core/named_code.h"

namespace custody {

enum class InterruptionReason { PrivacyOrSecret, Weather, Obstruction, DeviceFault, BatteryOrStorage, ForceMajeure, Other };

// As 000 §19, 003 §7 and 004 §8 list them.
inline constexpr NamedCode<InterruptionReason> kInterruptionReasons[] = {
    {InterruptionReason::PrivacyOrSecret, "privacy_or_secret", "涉及隐私或商业秘密", "privacy or business secret"},
    {InterruptionReason::Weather, "weather", "恶劣天气", "weather"},
    {InterruptionReason::Obstruction, "obstruction", "现场阻碍", "obstruction on site"},
    {InterruptionReason::DeviceFault, "device_fault", "设备故障", "device fault"},
    {InterruptionReason::BatteryOrStorage, "battery_or_storage", "电量或存储空间耗尽", "battery or storage exhausted"},
    {InterruptionReason::ForceMajeure, "force_majeure", "不可抗力", "force majeure"},
    {InterruptionReason::Other, "other", "其他", "other"},
};

struct InterruptionRecord {
    Id id = 0;
    Id job_id = 0;
    Id officer_id = 0;
    InterruptionReason reason = InterruptionReason::Other;
    std::string basis;  // what happened and on what basis recording stopped
    Timestamp recorded_at;
    std::string recorded_by;
};

// R13: the unit head's review of one record; a record is reviewed once.
struct InterruptionApproval {
    Id id = 0;
    Id interruption_id = 0;
    Id reviewer_id = 0;
    std::string reviewer_number;
    std::string note;
    Timestamp reviewed_at;
};

}  // namespace custody
