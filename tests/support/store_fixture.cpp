#include "tests/support/store_fixture.h"

#include <stdexcept>

#include "db/head_anchor.h"
#include "db/rows.h"
#include "kiosk/core/registry_changes.h"
#include "tests/support/raw_db.h"

namespace custody::test {

namespace {
[[noreturn]] void refused(const std::string& what, const Error& e) {
    throw std::runtime_error("fixture step refused: " + what + ": " + log_line(e));
}
}  // namespace

HealthInput good_reading(const std::string& serial) {
    HealthInput in;
    in.device_serial = serial;
    in.battery_pct = 100;
    in.free_storage_mb = 64 * 1024;
    in.clock_offset_s = 0;
    in.actor = "test";
    return in;
}

StoreFixture::StoreFixture(const db::InitOptions& options) : db_path_(dir_.file("custody.db")) {
    auto s = db::SqliteStore::initialise(paths(), clock_, options);
    if (!s) refused("initialise", s.error());
    store_ = std::move(*s);
    key_ = store_->key();
}

StoreFixture::~StoreFixture() = default;

std::string StoreFixture::anchor_path() const { return db::anchor_path_for(db_path_); }

void StoreFixture::close() { store_.reset(); }

void StoreFixture::reopen() {
    store_.reset();
    auto s = db::SqliteStore::open(paths(), clock_);
    if (!s) refused("open", s.error());
    store_ = std::move(*s);
}

void StoreFixture::import(RegistryKind kind, std::string_view csv) {
    auto r = RegistryImport(*store_, clock_, "test").run(kind, csv, "fixture.csv");
    if (!r) refused("import", r.error());
}

void StoreFixture::register_agency() {
    import(RegistryKind::Units, agency::kUnitsCsv);
    import(RegistryKind::Officers, agency::kOfficersCsv);
    import(RegistryKind::Badges, agency::kBadgesCsv);
    import(RegistryKind::Devices, agency::kDevicesCsv);
}

Device StoreFixture::record_health(const HealthInput& in) {
    auto r = HealthCheck(*store_, clock_).record(in);
    if (!r) refused("health " + in.device_serial, r.error());
    return *r;
}

void StoreFixture::make_all_ready() {
    std::vector<std::string> serials;
    {
        auto tx = store_->begin();
        if (!tx) refused("begin", tx.error());
        auto docked = (*tx)->docked_devices();
        if (!docked) refused("docked_devices", docked.error());
        for (const auto& d : *docked) serials.push_back(d.device.serial);
    }
    for (const auto& s : serials) make_ready(s);
}

void StoreFixture::revoke_badge(const std::string& uid, const std::string& reason) {
    auto tx = store_->begin();
    if (!tx) refused("begin", tx.error());
    auto s = (*tx)->revoke_badge(uid, clock_.now(), reason, {"test", "revoke_badge", uid, "reason=" + reason});
    if (!s) refused("revoke " + uid, s.error());
    if (auto c = (*tx)->commit(); !c) refused("commit", c.error());
}

void StoreFixture::set_profile(const std::string& key, const std::string& value) {
    auto r = change_profile(*store_, key, value, "test");
    if (!r) refused("profile " + key, r.error());
}

void StoreFixture::put_device(const Device& d) {
    auto tx = store_->begin();
    if (!tx) refused("begin", tx.error());
    auto s = (*tx)->update_device_state(d, {"test", "device_state", d.serial, ""});
    if (!s) refused("device state " + d.serial, s.error());
    if (auto c = (*tx)->commit(); !c) refused("commit", c.error());
}

Device StoreFixture::device(const std::string& serial) {
    auto tx = store_->begin();
    if (!tx) refused("begin", tx.error());
    auto d = (*tx)->device_by_serial(serial);
    if (!d) refused("device " + serial, d.error());
    if (!*d) throw std::runtime_error("no device " + serial);
    return **d;
}

CustodyEntry StoreFixture::entry(Id id) {
    auto q = store_->connection().prepare("SELECT" CUSTODY_ENTRY_COLUMNS "FROM custody_entries c WHERE c.id=?");
    if (!q) refused("entry", q.error());
    q->bind(1, id);
    auto r = q->step();
    if (!r) refused("entry", r.error());
    if (!*r) throw std::runtime_error("no custody entry " + std::to_string(id));
    return db::entry_from_row(*q);
}

std::int64_t StoreFixture::scalar(const std::string& sql) {
    auto q = store_->connection().prepare(sql);
    if (!q) refused(sql, q.error());
    auto r = q->step();
    if (!r) refused(sql, r.error());
    if (!*r) throw std::runtime_error(sql + ": no row");
    return q->i64(0);
}

std::int64_t StoreFixture::count(const std::string& table) { return scalar("SELECT count(*) FROM " + table); }

std::vector<StoreFixture::AuditRow> StoreFixture::audit_after(std::int64_t seq) {
    auto q = store_->connection().prepare(
        "SELECT seq, actor, action, subject, detail FROM audit_log WHERE seq > ? ORDER BY seq");
    if (!q) refused("audit_after", q.error());
    q->bind(1, seq);
    std::vector<AuditRow> out;
    while (true) {
        auto r = q->step();
        if (!r) refused("audit_after", r.error());
        if (!*r) break;
        out.push_back({q->i64(0), q->text(1), q->text(2), q->text(3), q->text(4)});
    }
    return out;
}

std::string StoreFixture::snapshot() {
    // A second connection sees exactly what was committed.
    RawDb raw(db_path_);
    std::string out;
    for (const char* table : {"units", "officers", "badges", "dock_slots", "devices", "custody_entries",
                              "health_checks", "agency_profile", "schema_version"}) {
        out += table;
        out += ":\n";
        for (const auto& row : raw.rows(std::string("SELECT * FROM ") + table + " ORDER BY 1")) {
            for (const auto& v : row) out += v + "|";
            out += "\n";
        }
    }
    return out;
}

}  // namespace custody::test
