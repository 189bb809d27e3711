#pragma once
// A real SqliteStore on a file in a TempDir, driven by a ManualClock, with a small agency
// registered through RegistryImport from CSV text (the path a custodian uses) and health
// readings recorded through HealthCheck. Helpers fail loudly (throw) when a setup step is
// refused, so a test never runs on a half-built fixture.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "db/sqlite_store.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/health_check.h"
#include "kiosk/core/registry_import.h"
#include "tests/support/temp_dir.h"

namespace custody::test {

// Monday 2026-03-02 08:00 in Asia/Shanghai (00:00 UTC): shift start.
inline constexpr Timestamp kShiftStart{1772409600000};

// The standard agency (register_agency()). Three units; JT03 has officers but no devices.
namespace agency {
inline constexpr const char* kUnitsCsv =
    "code,name,allocation_class\n"
    "ZD01,治安大队,A\n"
    "XJ02,刑警大队,B\n"
    "JT03,交警大队,B\n";
inline constexpr const char* kOfficersCsv =
    "number,name,unit_code,role,active\n"
    "100001,张伟,ZD01,officer,1\n"
    "100002,李娜,ZD01,officer,1\n"
    "100003,王芳,ZD01,officer,0\n"
    "100004,赵强,ZD01,keeper,1\n"
    "200001,刘洋,XJ02,officer,1\n"
    "300001,陈静,JT03,officer,1\n";
inline constexpr const char* kBadgesCsv =
    "uid,officer_number\n"
    "04A23B11,100001\n"
    "04A23B12,100002\n"
    "04A23B13,100003\n"
    "04A23B14,100004\n"
    "04B00001,200001\n"
    "04C00001,300001\n";
// Two ZD01 cameras in slots 1-2, one XJ02 camera in slot 3; slots 4.. are free.
inline constexpr const char* kDevicesCsv =
    "serial,kind,brand,model,firmware,unit_code,keeper_number,slot\n"
    "ZD-CAM-01,body_camera,海康威视,DSJ-K1,1.2,ZD01,100004,1\n"
    "ZD-CAM-02,执法记录仪,海康威视,DSJ-K1,1.2,ZD01,100004,2\n"
    "XJ-CAM-01,body_camera,华为,DSJ-H9,2.0,XJ02,,3\n";

inline constexpr const char* kZhang = "100001";  // ZD01, active
inline constexpr const char* kLi = "100002";     // ZD01, active
inline constexpr const char* kWang = "100003";   // ZD01, inactive
inline constexpr const char* kLiu = "200001";    // XJ02
inline constexpr const char* kChen = "300001";   // JT03 (no devices)
inline constexpr const char* kZhangBadge = "04A23B11";
inline constexpr const char* kLiBadge = "04A23B12";
inline constexpr const char* kWangBadge = "04A23B13";
inline constexpr const char* kZhaoBadge = "04A23B14";
inline constexpr const char* kLiuBadge = "04B00001";
inline constexpr const char* kChenBadge = "04C00001";
}  // namespace agency

// A reading that passes the default profile's pre-use check (R7).
HealthInput good_reading(const std::string& serial);

class StoreFixture {
public:
    explicit StoreFixture(const db::InitOptions& options = {});
    ~StoreFixture();

    db::SqliteStore& store() { return *store_; }
    ManualClock& clock() { return clock_; }
    const TempDir& dir() const { return dir_; }
    const std::string& db_path() const { return db_path_; }
    db::StorePaths paths() const { return db::StorePaths::for_db(db_path_); }
    std::string anchor_path() const;
    const db::KioskKey& key() const { return key_; }

    // Closes the store (e.g. before fork() or tampering) and opens it again.
    void close();
    void reopen();

    // Setup steps; throw std::runtime_error (with the rendered refusal) if refused.
    void import(RegistryKind kind, std::string_view csv);
    void register_agency();
    Device record_health(const HealthInput& in);
    Device make_ready(const std::string& serial) { return record_health(good_reading(serial)); }
    void make_all_ready();  // every docked device gets a passing reading now
    void revoke_badge(const std::string& uid, const std::string& reason = "lost");
    void set_profile(const std::string& key, const std::string& value);
    // Changes a device's state directly through the store port (e.g. to Disposed).
    void put_device(const Device& d);

    Device device(const std::string& serial);
    CustodyEntry entry(Id id);  // a ledger row as stored
    std::int64_t scalar(const std::string& sql);
    std::int64_t count(const std::string& table);
    std::int64_t last_audit_seq() { return scalar("SELECT coalesce(max(seq), 0) FROM audit_log"); }

    struct AuditRow {
        std::int64_t seq = 0;
        std::string actor, action, subject, detail;
    };
    std::vector<AuditRow> audit_after(std::int64_t seq);
    // Every row of every table except audit_log, as text: equal snapshots mean nothing
    // but the audit log changed.
    std::string snapshot();

private:
    TempDir dir_;
    std::string db_path_;
    ManualClock clock_{kShiftStart};
    db::KioskKey key_{};
    std::unique_ptr<db::SqliteStore> store_;
};

}  // namespace custody::test
