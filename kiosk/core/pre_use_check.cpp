#include "kiosk/core/pre_use_check.h"

#include <cstdlib>

#include "kiosk/core/agency_time.h"

namespace custody {

std::vector<Error> pre_use_problems(const DockedDevice& d, const AgencyProfile& p, Timestamp now) {
    std::vector<Error> out;
    if (!d.health) {
        out.emplace_back(MessageId::CheckNoHealthReading);
        return out;
    }
    const HealthReading& h = *d.health;
    if (now.ms - h.measured_at.ms > p.health_max_age_hours * kMsPerHour)
        out.emplace_back(MessageId::CheckStaleReading, std::vector<std::string>{format_local(h.measured_at)});
    if (!h.fault.empty()) out.emplace_back(MessageId::CheckFault, std::vector<std::string>{h.fault});
    if (h.battery_pct < p.min_battery_pct)
        out.emplace_back(MessageId::CheckBatteryLow,
                         std::vector<std::string>{std::to_string(h.battery_pct), std::to_string(p.min_battery_pct)});
    if (h.free_storage_mb < p.min_free_storage_mb)
        out.emplace_back(MessageId::CheckStorageLow, std::vector<std::string>{std::to_string(h.free_storage_mb),
                                                                              std::to_string(p.min_free_storage_mb)});
    if (std::llabs(h.clock_offset_s) > p.max_clock_offset_s)
        out.emplace_back(MessageId::CheckClockOff, std::vector<std::string>{std::to_string(h.clock_offset_s),
                                                                            std::to_string(p.max_clock_offset_s)});
    return out;
}

}  // namespace custody
