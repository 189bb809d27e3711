// Policy numbers differ between agencies (R2, R7, R14, R18): each setting is validated
// on the way in, so a rule never runs on a nonsense threshold.
#include <gtest/gtest.h>

#include <set>

#include "kiosk/core/agency_profile.h"

namespace custody {
namespace {

void expect_bad(const std::string& key, const std::string& value, MessageId id, const std::string& why = "") {
    AgencyProfile p;
    const auto before = to_settings(p);
    auto s = apply_setting(p, key, value);
    ASSERT_FALSE(s.ok()) << key << "=" << value << " accepted";
    EXPECT_EQ(s.error().id, id) << log_line(s.error());
    if (id == MessageId::ProfileBadValue) {
        ASSERT_EQ(s.error().args.size(), 3u);
        EXPECT_EQ(s.error().args[0], key);
        EXPECT_EQ(s.error().args[1], value);
        if (!why.empty()) {
            EXPECT_EQ(s.error().args[2], why);
        }
    }
    EXPECT_EQ(to_settings(p), before) << "a refused setting changed the profile";
}

TEST(AgencyProfile, DefaultsMatchTheCatalogue) {
    AgencyProfile p;
    EXPECT_EQ(p.offload_deadline_hours, 24);  // R14
    EXPECT_EQ(p.retention_days, 365);         // R18
    EXPECT_EQ(p.officers_per_device_class_a, 2);  // R2
    EXPECT_EQ(p.officers_per_device_class_b, 5);
    EXPECT_EQ(p.time_zone, "Asia/Shanghai");
}

TEST(AgencyProfile, UnknownKey) {
    expect_bad("offload_deadline", "24", MessageId::ProfileUnknownKey);
    expect_bad("", "1", MessageId::ProfileUnknownKey);
}

TEST(AgencyProfile, NotAWholeNumber) {
    for (const char* v : {"", "abc", "12h", "1.5", " 5", "5 ", "+5", "0x10", "二十四"})
        expect_bad("offload_deadline_hours", v, MessageId::ProfileBadValue, "not a whole number");
    expect_bad("min_battery_pct", "99999999999999999999", MessageId::ProfileBadValue, "not a whole number");
}

TEST(AgencyProfile, OutOfRange) {
    expect_bad("offload_deadline_hours", "0", MessageId::ProfileBadValue, "1..336");
    expect_bad("offload_deadline_hours", "337", MessageId::ProfileBadValue, "1..336");
    expect_bad("min_battery_pct", "101", MessageId::ProfileBadValue, "1..100");
    expect_bad("min_battery_pct", "-1", MessageId::ProfileBadValue, "1..100");
    expect_bad("retention_days", "89", MessageId::ProfileBadValue);  // below the 3-month minimum (R18)
    expect_bad("max_devices_per_officer", "5", MessageId::ProfileBadValue, "1..4");
}

TEST(AgencyProfile, BoundsAreInclusive) {
    AgencyProfile p;
    ASSERT_TRUE(apply_setting(p, "offload_deadline_hours", "1").ok());
    EXPECT_EQ(p.offload_deadline_hours, 1);
    ASSERT_TRUE(apply_setting(p, "offload_deadline_hours", "336").ok());
    EXPECT_EQ(p.offload_deadline_hours, 336);
    ASSERT_TRUE(apply_setting(p, "retention_days", "90").ok());
    EXPECT_EQ(p.retention_days, 90);
    ASSERT_TRUE(apply_setting(p, "min_free_storage_mb", "0").ok());
    EXPECT_EQ(p.min_free_storage_mb, 0);
}

TEST(AgencyProfile, UnknownTimeZone) {
    for (const char* v : {"", "Mars/Olympus_Mons", "Asia/Beijing", "../../etc/passwd", "Asia/../Asia/Shanghai",
                          "Asia", "zone.tab", "/etc/localtime"})
        expect_bad("time_zone", v, MessageId::ProfileBadValue, "unknown IANA zone");
}

TEST(AgencyProfile, KnownTimeZoneAndName) {
    AgencyProfile p;
    ASSERT_TRUE(apply_setting(p, "time_zone", "Asia/Urumqi").ok());
    EXPECT_EQ(p.time_zone, "Asia/Urumqi");
    ASSERT_TRUE(apply_setting(p, "agency_name", "枣庄市农业农村局").ok());
    EXPECT_EQ(p.agency_name, "枣庄市农业农村局");
    expect_bad("agency_name", "", MessageId::ProfileBadValue, "empty");
}

TEST(AgencyProfile, SettingsRoundTripAndCoverEveryKey) {
    AgencyProfile p;
    p.agency_name = "陵川县自然资源局";
    p.time_zone = "Asia/Urumqi";
    p.offload_deadline_hours = 48;
    p.retention_days = 90;
    p.min_battery_pct = 60;
    p.min_free_storage_mb = 2048;
    p.max_clock_offset_s = 2;
    p.health_max_age_hours = 6;
    p.max_devices_per_officer = 2;
    p.officers_per_device_class_a = 3;
    p.officers_per_device_class_b = 7;
    p.approved_firmware = "V2.1.0,V2.2.0";
    p.max_charge_temperature_c = 50;
    auto settings = to_settings(p);
    std::set<std::string> keys;
    for (const auto& k : profile_keys()) {
        keys.insert(k.key);
        EXPECT_FALSE(k.zh.empty()) << k.key;
        EXPECT_FALSE(k.en.empty()) << k.key;
        EXPECT_TRUE(settings.count(k.key)) << k.key << " is not saved";
    }
    EXPECT_EQ(keys.size(), settings.size());
    AgencyProfile q;
    for (const auto& [k, v] : settings) ASSERT_TRUE(apply_setting(q, k, v).ok()) << k << "=" << v;
    EXPECT_EQ(to_settings(q), settings);
}

TEST(AgencyProfile, ApprovedFirmwareIsAListOfVersions_R7) {
    AgencyProfile p;
    EXPECT_TRUE(firmware_approved(p, "anything")) << "an empty list approves any firmware";
    ASSERT_TRUE(apply_setting(p, "approved_firmware", "V2.1.0,V2.2.0").ok());
    EXPECT_EQ(approved_firmware_list(p), (std::vector<std::string>{"V2.1.0", "V2.2.0"}));
    EXPECT_TRUE(firmware_approved(p, "V2.2.0"));
    EXPECT_FALSE(firmware_approved(p, "V2.2"));
    EXPECT_FALSE(firmware_approved(p, ""));
    ASSERT_TRUE(apply_setting(p, "approved_firmware", "").ok());
    EXPECT_TRUE(firmware_approved(p, "V9"));
}

TEST(AgencyProfile, ApprovedFirmwareRefusesWhatNoCameraReports_R7) {
    for (const char* v : {"V2.1.0,", ",V2.1.0", "V2.1.0,,V2.2.0", "V2.1.0, V2.2.0", "版本1"})
        expect_bad("approved_firmware", v, MessageId::ProfileBadValue, "versions separated by commas");
    expect_bad("max_charge_temperature_c", "29", MessageId::ProfileBadValue, "30..80");
}

}  // namespace
}  // namespace custody
