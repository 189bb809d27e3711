#include "kiosk/core/agency_profile.h"

#include <algorithm>
#include <charconv>

#include "kiosk/core/agency_time.h"

namespace custody {

namespace {
struct Binding {
    const char* key;
    std::int64_t AgencyProfile::*field;
};
const Binding kNumeric[] = {
    {"offload_deadline_hours", &AgencyProfile::offload_deadline_hours},
    {"retention_days", &AgencyProfile::retention_days},
    {"min_battery_pct", &AgencyProfile::min_battery_pct},
    {"min_free_storage_mb", &AgencyProfile::min_free_storage_mb},
    {"max_clock_offset_s", &AgencyProfile::max_clock_offset_s},
    {"health_max_age_hours", &AgencyProfile::health_max_age_hours},
    {"max_devices_per_officer", &AgencyProfile::max_devices_per_officer},
    {"officers_per_device_class_a", &AgencyProfile::officers_per_device_class_a},
    {"officers_per_device_class_b", &AgencyProfile::officers_per_device_class_b},
    {"max_charge_temperature_c", &AgencyProfile::max_charge_temperature_c},
    {"coverage_gap_minutes", &AgencyProfile::coverage_gap_minutes},
    {"pin_attempts", &AgencyProfile::pin_attempts},
    {"pin_lockout_minutes", &AgencyProfile::pin_lockout_minutes},
    {"residual_rate_bp", &AgencyProfile::residual_rate_bp},
    {"negligence_rate_bp", &AgencyProfile::negligence_rate_bp},
};

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        items.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return items;
}

// A version is what a camera reports: printable ASCII without spaces or commas.
bool plausible_version(const std::string& v) {
    if (v.empty() || v.size() > 63) return false;
    for (char c : v)
        if (c <= ' ' || c > '~' || c == ',') return false;
    return true;
}
}  // namespace

const std::vector<ProfileKey>& profile_keys() {
    static const std::vector<ProfileKey> keys = {
        {"agency_name", "机关名称", "agency name", false, 0, 0},
        {"time_zone", "时区", "time zone", false, 0, 0},
        {"offload_deadline_hours", "导出时限（小时，R14）", "offload deadline (hours, R14)", true, 1, 24 * 14},
        {"retention_days", "保存期限（天，R18）", "retention (days, R18)", true, 90, 3650 * 3},
        {"min_battery_pct", "最低电量（%，R7）", "minimum battery (%, R7)", true, 1, 100},
        {"min_free_storage_mb", "最低剩余存储（MB，R7）", "minimum free storage (MB, R7)", true, 0, 1 << 22},
        {"max_clock_offset_s", "时钟最大偏差（秒，R7）", "maximum clock offset (s, R7)", true, 0, 3600},
        {"health_max_age_hours", "健康检查有效期（小时）", "health check validity (hours)", true, 1, 24 * 7},
        {"max_devices_per_officer", "每人最多领用台数", "devices per officer", true, 1, 4},
        {"officers_per_device_class_a", "甲类单位每台设备对应人数（R2）", "officers per device, class A (R2)", true, 1, 50},
        {"officers_per_device_class_b", "乙类单位每台设备对应人数（R2）", "officers per device, class B (R2)", true, 1, 50},
        {"approved_firmware", "准用固件版本（逗号分隔，空为不限，R7）", "approved firmware versions (comma-separated, empty: any; R7)",
         false, 0, 0},
        {"max_charge_temperature_c", "充电最高温度（℃，R8）", "maximum charging temperature (°C, R8)", true, 30, 80},
        {"coverage_gap_minutes", "未录像间隔超过即需补填中断记录（分钟，R13）",
         "a gap in recording longer than this needs an interruption record (minutes, R13)", true, 1, 24 * 60},
        {"pin_attempts", "保管员密码连续输错几次即锁定", "wrong custodian PINs in a row before a lockout", true, 1, 20},
        {"pin_lockout_minutes", "保管员密码锁定时长（分钟）", "custodian PIN lockout (minutes)", true, 1, 24 * 60},
        {"print_queue", "报表打印队列（空为打印服务器默认队列）", "print queue for reports (empty: the print server's default)",
         false, 0, 0},
        {"depreciation_policy", "折旧口径（government 政府会计准则第3号 / enterprise 企业会计准则，R3）",
         "depreciation profile (government: Government Accounting Standard No. 3 / enterprise; R3)", false, 0, 0},
        {"residual_rate_bp", "残值率（万分比，仅企业口径；500 即 5%）",
         "residual rate (basis points, enterprise profile only; 500 = 5%)", true, 0, 5000},
        {"negligence_rate_bp", "过失赔偿比例（账面净值的万分比，10000 即全额，R26）",
         "negligence compensation (basis points of net book value, 10000 = all; R26)", true, 0, 10000},
    };
    return keys;
}

std::map<std::string, std::string> to_settings(const AgencyProfile& p) {
    std::map<std::string, std::string> m;
    m["agency_name"] = p.agency_name;
    m["time_zone"] = p.time_zone;
    m["approved_firmware"] = p.approved_firmware;
    m["print_queue"] = p.print_queue;
    m["depreciation_policy"] = p.depreciation_policy;
    for (const auto& b : kNumeric) m[b.key] = std::to_string(p.*b.field);
    return m;
}

Status apply_setting(AgencyProfile& p, const std::string& key, const std::string& value) {
    const ProfileKey* spec = nullptr;
    for (const auto& k : profile_keys())
        if (k.key == key) spec = &k;
    if (spec == nullptr) return fail(Error(MessageId::ProfileUnknownKey, {key}));
    if (key == "agency_name") {
        if (value.empty()) return fail(Error(MessageId::ProfileBadValue, {key, value, "empty"}));
        p.agency_name = value;
        return {};
    }
    if (key == "time_zone") {
        if (!known_time_zone(value))
            return fail(Error(MessageId::ProfileBadValue, {key, value, "unknown IANA zone"}));
        p.time_zone = value;
        return {};
    }
    if (key == "approved_firmware") {
        if (!value.empty()) {
            for (const auto& v : split_list(value))
                if (!plausible_version(v))
                    return fail(Error(MessageId::ProfileBadValue, {key, value, "versions separated by commas"}));
        }
        p.approved_firmware = value;
        return {};
    }
    if (key == "print_queue") {
        // A CUPS queue name: printable, no spaces, slashes or '#' (lpadmin's own rule).
        for (char c : value)
            if (c <= ' ' || c > '~' || c == '/' || c == '#')
                return fail(Error(MessageId::ProfileBadValue, {key, value, "a CUPS queue name"}));
        p.print_queue = value;
        return {};
    }
    if (key == "depreciation_policy") {
        if (value != "government" && value != "enterprise")
            return fail(Error(MessageId::ProfileBadValue, {key, value, "government, enterprise"}));
        p.depreciation_policy = value;
        return {};
    }
    std::int64_t n = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || ptr != value.data() + value.size())
        return fail(Error(MessageId::ProfileBadValue, {key, value, "not a whole number"}));
    if (n < spec->min || n > spec->max)
        return fail(Error(MessageId::ProfileBadValue,
                          {key, value, std::to_string(spec->min) + ".." + std::to_string(spec->max)}));
    for (const auto& b : kNumeric)
        if (key == b.key) p.*b.field = n;
    return {};
}

std::vector<std::string> approved_firmware_list(const AgencyProfile& p) {
    if (p.approved_firmware.empty()) return {};
    return split_list(p.approved_firmware);
}

bool firmware_approved(const AgencyProfile& p, const std::string& firmware) {
    auto list = approved_firmware_list(p);
    return list.empty() || std::find(list.begin(), list.end(), firmware) != list.end();
}

}  // namespace custody
