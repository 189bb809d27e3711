#pragma once
// Policy numbers that differ between agencies (REQUIREMENTS.md): never hard-coded in
// a rule, always read from the profile stored with the data.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "kiosk/core/result.h"

namespace custody {

struct AgencyProfile {
    std::string agency_name = "示例公安局";
    std::string time_zone = "Asia/Shanghai";
    std::int64_t offload_deadline_hours = 24;   // R14
    std::int64_t retention_days = 365;          // R18
    std::int64_t min_battery_pct = 80;          // R7, R8: a working day of charge
    std::int64_t min_free_storage_mb = 8192;    // R7
    std::int64_t max_clock_offset_s = 5;        // R7
    std::int64_t health_max_age_hours = 12;     // R7: a reading older than this is stale
    std::int64_t max_devices_per_officer = 1;
    std::int64_t officers_per_device_class_a = 2;  // R2
    std::int64_t officers_per_device_class_b = 5;  // R2
    // R7: firmware versions the agency has approved, comma-separated; empty approves any.
    std::string approved_firmware;
    // R8: above this the cabinet is damaging the battery, not charging it.
    std::int64_t max_charge_temperature_c = 45;
    // R13: a stretch of custody this long with no recording asks for an interruption record.
    std::int64_t coverage_gap_minutes = 30;
    // Custodian mode: wrong PINs in a row before the officer is locked out, and for how long.
    std::int64_t pin_attempts = 5;
    std::int64_t pin_lockout_minutes = 15;
    // The CUPS queue reports print on; empty: the print server's default queue.
    std::string print_queue;
    // R3: "government" (政府会计准则第3号, the default) or "enterprise"; the enterprise
    // profile's residual rate in basis points (500 = 5%).
    std::string depreciation_policy = "government";
    std::int64_t residual_rate_bp = 0;
    // R26: negligence pays this share of the net book value, in basis points (10000 = all).
    std::int64_t negligence_rate_bp = 10000;
};

// The approved firmware versions, one per comma-separated item.
std::vector<std::string> approved_firmware_list(const AgencyProfile& p);
bool firmware_approved(const AgencyProfile& p, const std::string& firmware);

struct ProfileKey {
    std::string key;
    std::string zh;
    std::string en;
    bool numeric = true;
    std::int64_t min = 0;
    std::int64_t max = 0;
};

const std::vector<ProfileKey>& profile_keys();
std::map<std::string, std::string> to_settings(const AgencyProfile& p);
// Validates one setting (unknown key, not a number, out of range, unknown zone).
Status apply_setting(AgencyProfile& p, const std::string& key, const std::string& value);

}  // namespace custody
