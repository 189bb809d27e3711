#include "kiosk/core/slot_condition.h"

#include <cstdlib>

namespace custody {

std::string celsius(std::int32_t tenths) {
    std::string sign = tenths < 0 ? "-" : "";
    const std::int32_t t = std::abs(tenths);
    return sign + std::to_string(t / 10) + "." + std::to_string(t % 10);
}

std::vector<Error> slot_faults(const SlotStatus& s, int battery_pct, const AgencyProfile& p) {
    std::vector<Error> out;
    const std::string slot = std::to_string(s.slot);
    const bool too_hot = s.temperature_dc > p.max_charge_temperature_c * 10;
    // Over-temperature is the specific cause of most charger faults: name it alone.
    if (too_hot) out.emplace_back(MessageId::SlotOverTemperature, std::vector<std::string>{slot, celsius(s.temperature_dc)});
    else if (s.charge == ChargeState::Fault)
        out.emplace_back(MessageId::SlotChargerFault, std::vector<std::string>{slot, celsius(s.temperature_dc)});
    const bool not_charging = (s.charge == ChargeState::Charging && s.charge_ma <= 0) ||
                              (s.charge == ChargeState::Idle && battery_pct < 100);
    if (not_charging) out.emplace_back(MessageId::SlotNoChargeCurrent, std::vector<std::string>{slot});
    // A camera behind a lock that will not open cannot be issued from this slot.
    if (s.lock_fault) out.emplace_back(MessageId::UnlockNotConfirmed, std::vector<std::string>{slot});
    return out;
}

}  // namespace custody
