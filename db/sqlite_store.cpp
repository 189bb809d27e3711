#include "db/sqlite_store.h"

#include <sys/stat.h>

#include <filesystem>
#include <mutex>
#include <span>

#include "db/audit_writer.h"
#include "db/canonical.h"
#include "db/custodian_rows.h"
#include "db/finance_rows.h"
#include "db/footage_rows.h"
#include "db/head_anchor.h"
#include "db/migrations.h"
#include "db/rows.h"
#include "kiosk/core/log.h"

namespace custody::db {

namespace {

template <class T>
using Opt = Result<std::optional<T>>;

class SqliteStoreTx final : public StoreTx {
public:
    SqliteStoreTx(Connection& c, Transaction tx, const KioskKey& key, const Clock& clock, std::string anchor,
                  std::shared_ptr<std::mutex> mutex, std::unique_lock<std::mutex> held)
        : mutex_(std::move(mutex)),
          held_(std::move(held)),
          c_(c),
          tx_(std::move(tx)),
          audit_(c, key),
          key_(key),
          clock_(clock),
          anchor_(std::move(anchor)),
          footage_(c, [this](const AuditNote& n) { return audit(n); }),
          custodian_(c, [this](const AuditNote& n, const std::optional<RecordLink>& link) { return linked(n, link); }),
          finance_(c, [this](const AuditNote& n, const std::optional<RecordLink>& link) { return linked(n, link); }) {}

    FinanceRecords& finance() override { return finance_; }

    // --- custodian mode (db/custodian_rows.cpp)
    Result<std::vector<Device>> devices() override {
        auto q = c_.cached("SELECT" CUSTODY_DEVICE_COLUMNS "FROM devices d ORDER BY d.serial");
        if (!q) return fail(q.error());
        std::vector<Device> out;
        while (true) {
            auto r = (*q)->step();
            if (!r) return fail(r.error());
            if (!*r) break;
            out.push_back(device_from_row(**q));
        }
        return out;
    }
    Opt<PinState> pin_state(Id officer_id) override { return custodian_.pin_state(officer_id); }
    Result<bool> pin_matches(Id officer_id, const std::string& pin) override {
        return custodian_.pin_matches(officer_id, pin);
    }
    Result<std::vector<Reconciliation>> recent_reconciliations(int limit) override {
        return custodian_.recent_reconciliations(limit);
    }
    Result<std::vector<FaultReportRecord>> open_fault_reports() override { return custodian_.open_fault_reports(); }
    Opt<InterruptionRecord> interruption(Id id) override { return custodian_.interruption(id); }
    Result<std::vector<InterruptionRecord>> unreviewed_interruptions() override {
        return custodian_.unreviewed_interruptions();
    }
    Opt<InterruptionApproval> approval_of(Id interruption_id) override { return custodian_.approval_of(interruption_id); }
    Opt<OffloadJob> job_of_return(Id return_entry_id) override { return footage_.job_of_return(return_entry_id); }
    Status set_pin(Id officer_id, const std::string& pin, Timestamp at, const std::string& by,
                   const AuditNote& n) override {
        return custodian_.set_pin(officer_id, pin, at, by, n);
    }
    Status record_pin_attempts(Id officer_id, int failed, std::optional<Timestamp> locked_until,
                               const AuditNote& n) override {
        return custodian_.record_pin_attempts(officer_id, failed, locked_until, n);
    }
    Result<Id> add_reconciliation(const Reconciliation& r, const AuditNote& n) override {
        return custodian_.add_reconciliation(r, n);
    }
    Result<Id> add_fault_report(const FaultReportRecord& r, const AuditNote& n) override {
        return custodian_.add_fault_report(r, n);
    }
    Status close_fault_reports(Id device_id, Timestamp at, const std::string& by, const AuditNote& n) override {
        return custodian_.close_fault_reports(device_id, at, by, n);
    }
    Result<Id> add_interruption_approval(const InterruptionApproval& a, const AuditNote& n) override {
        return custodian_.add_interruption_approval(a, n);
    }

    // --- footage (db/footage_rows.cpp)
    Opt<OffloadJob> offload_job(Id id) override { return footage_.offload_job(id); }
    Opt<OffloadJob> unfinished_job_of(Id device_id) override { return footage_.unfinished_job_of(device_id); }
    Result<std::vector<OffloadJob>> unfinished_jobs() override { return footage_.unfinished_jobs(); }
    Result<std::vector<OffloadJob>> recent_jobs(int limit) override { return footage_.recent_jobs(limit); }
    Result<std::vector<Recording>> recordings_of_job(Id job) override { return footage_.recordings_of_job(job); }
    Opt<Recording> recording(Id id) override { return footage_.recording(id); }
    Result<std::vector<Recording>> archived_recordings() override { return footage_.archived_recordings(); }
    Result<std::vector<Recording>> recordings_of_case(const std::string& c) override {
        return footage_.recordings_of_case(c);
    }
    Result<std::vector<InterruptionRecord>> interruptions_of_job(Id job) override {
        return footage_.interruptions_of_job(job);
    }
    Result<std::vector<EvidenceExport>> evidence_exports_of_case(const std::string& c) override {
        return footage_.evidence_exports_of_case(c);
    }
    Result<std::vector<EvidenceCopy>> evidence_copies_of(Id export_id) override {
        return footage_.evidence_copies_of(export_id);
    }
    Result<Id> add_offload_job(const OffloadJob& j, const AuditNote& n) override { return footage_.add_offload_job(j, n); }
    Status update_offload_job(const OffloadJob& j, const AuditNote& n) override {
        return footage_.update_offload_job(j, n);
    }
    Result<Id> add_recording(const Recording& r, const AuditNote& n) override { return footage_.add_recording(r, n); }
    Status update_recording(const Recording& r, const AuditNote& n) override { return footage_.update_recording(r, n); }
    Result<Id> add_interruption(const InterruptionRecord& r, const AuditNote& n) override {
        return footage_.add_interruption(r, n);
    }
    Result<Id> add_evidence_export(const EvidenceExport& e, const AuditNote& n) override {
        return footage_.add_evidence_export(e, n);
    }
    Result<Id> add_evidence_copy(const EvidenceCopy& c, const AuditNote& n) override {
        return footage_.add_evidence_copy(c, n);
    }

    // --- reads
    Result<AgencyProfile> profile() override {
        auto q = c_.cached("SELECT key, value FROM agency_profile");
        if (!q) return fail(q.error());
        AgencyProfile p;
        while (true) {
            auto r = (*q)->step();
            if (!r) return fail(r.error());
            if (!*r) break;
            // Values were validated on the way in; a key from a newer release is ignored.
            (void)apply_setting(p, (*q)->text(0), (*q)->text(1));
        }
        return p;
    }

    Opt<Badge> badge(const std::string& uid) override {
        auto q = c_.cached("SELECT uid, officer_id, issued_at_ms, revoked_at_ms, revoke_reason FROM badges WHERE uid=?");
        if (!q) return fail(q.error());
        (*q)->bind(1, uid);
        return one<Badge>(**q, [](const Statement& s) {
            Badge b;
            b.uid = s.text(0);
            b.officer_id = s.i64(1);
            b.issued_at = Timestamp{s.i64(2)};
            if (!s.is_null(3)) b.revoked_at = Timestamp{s.i64(3)};
            b.revoke_reason = s.text(4);
            return b;
        });
    }

    Opt<Officer> officer(Id id) override {
        auto q = c_.cached("SELECT" CUSTODY_OFFICER_COLUMNS "FROM officers o WHERE o.id=?");
        if (!q) return fail(q.error());
        (*q)->bind(1, id);
        return one<Officer>(**q, [](const Statement& s) { return officer_from_row(s); });
    }

    Opt<Officer> officer_by_number(const std::string& number) override {
        auto q = c_.cached("SELECT" CUSTODY_OFFICER_COLUMNS "FROM officers o WHERE o.number=?");
        if (!q) return fail(q.error());
        (*q)->bind(1, number);
        return one<Officer>(**q, [](const Statement& s) { return officer_from_row(s); });
    }

    Opt<Unit> unit(Id id) override {
        auto q = c_.cached("SELECT id, code, name, allocation_class FROM units WHERE id=?");
        if (!q) return fail(q.error());
        (*q)->bind(1, id);
        return one<Unit>(**q, unit_from_row);
    }

    Opt<Unit> unit_by_code(const std::string& code) override {
        auto q = c_.cached("SELECT id, code, name, allocation_class FROM units WHERE code=?");
        if (!q) return fail(q.error());
        (*q)->bind(1, code);
        return one<Unit>(**q, unit_from_row);
    }

    Opt<Device> device_by_serial(const std::string& serial) override {
        auto q = c_.cached("SELECT" CUSTODY_DEVICE_COLUMNS "FROM devices d WHERE d.serial=?");
        if (!q) return fail(q.error());
        (*q)->bind(1, serial);
        return one<Device>(**q, [](const Statement& s) { return device_from_row(s); });
    }

    Opt<Device> device_in_slot(int slot) override {
        auto q = c_.cached("SELECT" CUSTODY_DEVICE_COLUMNS "FROM devices d WHERE d.slot=?");
        if (!q) return fail(q.error());
        (*q)->bind(1, slot);
        return one<Device>(**q, [](const Statement& s) { return device_from_row(s); });
    }

    Result<bool> slot_exists(int slot) override {
        auto q = c_.cached("SELECT 1 FROM dock_slots WHERE number=? AND enabled=1");
        if (!q) return fail(q.error());
        (*q)->bind(1, slot);
        auto r = (*q)->step();
        if (!r) return fail(r.error());
        bool found = *r;
        (*q)->reset();
        return found;
    }

    Opt<CustodyEntry> custody_entry(Id id) override {
        auto q = c_.cached("SELECT" CUSTODY_ENTRY_COLUMNS "FROM custody_entries c WHERE c.id=?");
        if (!q) return fail(q.error());
        (*q)->bind(1, id);
        return one<CustodyEntry>(**q, [](const Statement& s) { return entry_from_row(s); });
    }

    // CROSS JOIN keeps the devices table as the outer loop: a few dozen rows, each with
    // at most one open entry. Left to itself the planner may walk the whole ledger.
    Result<std::vector<OpenCheckout>> open_checkouts() override {
        auto q = c_.cached("SELECT" CUSTODY_DEVICE_COLUMNS "," CUSTODY_ENTRY_COLUMNS
                           "FROM devices d CROSS JOIN custody_entries c ON c.id = d.open_checkout_id ORDER BY c.at_ms");
        if (!q) return fail(q.error());
        return open_rows(**q);
    }

    Result<std::vector<OpenCheckout>> open_checkouts_of(Id officer_id) override {
        auto q = c_.cached("SELECT" CUSTODY_DEVICE_COLUMNS "," CUSTODY_ENTRY_COLUMNS
                           "FROM devices d CROSS JOIN custody_entries c ON c.id = d.open_checkout_id "
                           "WHERE c.officer_id=? ORDER BY c.at_ms");
        if (!q) return fail(q.error());
        (*q)->bind(1, officer_id);
        return open_rows(**q);
    }

    Result<std::vector<DockedDevice>> docked_devices() override {
        auto q = c_.cached(
            "SELECT" CUSTODY_DEVICE_COLUMNS
            ", h.id, h.measured_at_ms, h.battery_pct, h.free_storage_mb, h.clock_offset_s, h.fault "
            "FROM devices d LEFT JOIN health_checks h ON h.id = "
            "(SELECT max(id) FROM health_checks WHERE device_id = d.id) "
            "WHERE d.slot IS NOT NULL ORDER BY d.slot");
        if (!q) return fail(q.error());
        std::vector<DockedDevice> out;
        while (true) {
            auto r = (*q)->step();
            if (!r) return fail(r.error());
            if (!*r) break;
            const Statement& s = **q;
            DockedDevice dd;
            dd.device = device_from_row(s);
            dd.slot = *dd.device.slot;
            const int h = kDeviceColumnCount;
            if (!s.is_null(h)) {
                dd.health = HealthReading{s.i64(h),      dd.device.id,   Timestamp{s.i64(h + 1)}, s.i32(h + 2),
                                          s.i64(h + 3), s.i64(h + 4), s.text(h + 5)};
            }
            out.push_back(std::move(dd));
        }
        return out;
    }

    // --- ledger writes
    Result<Id> append_custody(const CustodyEntry& e, Device after, const AuditNote& note) override {
        auto q = c_.cached(
            "INSERT INTO custody_entries(kind, device_id, officer_id, partner_id, slot, at_ms, closes_id) "
            "VALUES (?,?,?,?,?,?,?)");
        if (!q) return fail(q.error());
        (*q)->bind(1, code_of(kCustodyKinds, e.kind)).bind(2, e.device_id).bind(3, e.officer_id);
        (*q)->bind(4, e.partner_id).bind(5, e.slot).bind(6, e.at.ms).bind(7, e.closes_id);
        CUSTODY_TRY((*q)->run());
        CustodyEntry stored = e;
        stored.id = c_.last_insert_rowid();
        if (e.kind == CustodyKind::Checkout) after.open_checkout_id = stored.id;
        CUSTODY_TRY(write_device_state(after));
        auto seq = audit_.append(e.at.ms, note, RecordLink{"custody_entries", stored.id, sha256(canonical(stored))});
        if (!seq) return fail(seq.error());
        return stored.id;
    }

    Result<Id> append_health(const HealthReading& h, const AuditNote& note) override {
        auto q = c_.cached(
            "INSERT INTO health_checks(device_id, measured_at_ms, battery_pct, free_storage_mb, clock_offset_s, fault) "
            "VALUES (?,?,?,?,?,?)");
        if (!q) return fail(q.error());
        (*q)->bind(1, h.device_id).bind(2, h.measured_at.ms).bind(3, h.battery_pct).bind(4, h.free_storage_mb);
        (*q)->bind(5, h.clock_offset_s).bind(6, h.fault);
        CUSTODY_TRY((*q)->run());
        HealthReading stored = h;
        stored.id = c_.last_insert_rowid();
        auto seq =
            audit_.append(h.measured_at.ms, note, RecordLink{"health_checks", stored.id, sha256(canonical(stored))});
        if (!seq) return fail(seq.error());
        return stored.id;
    }

    Status update_device_state(const Device& d, const AuditNote& note) override {
        CUSTODY_TRY(write_device_state(d));
        return audit(note);
    }

    Status audit(const AuditNote& note) override {
        auto seq = audit_.append(clock_.now().ms, note, std::nullopt);
        if (!seq) return fail(seq.error());
        return {};
    }

    // --- registry writes
    Result<Id> add_unit(const Unit& u, const AuditNote& note) override {
        auto q = c_.prepare("INSERT INTO units(code, name, allocation_class) VALUES (?,?,?)");
        if (!q) return fail(q.error());
        q->bind(1, u.code).bind(2, u.name).bind(3, code_of(kAllocationClasses, u.allocation));
        return insert_and_audit(*q, note);
    }

    Result<Id> add_officer(const Officer& o, const AuditNote& note) override {
        auto q = c_.prepare("INSERT INTO officers(number, name, unit_id, role, active) VALUES (?,?,?,?,?)");
        if (!q) return fail(q.error());
        q->bind(1, o.number).bind(2, o.name).bind(3, o.unit_id).bind(4, code_of(kRoles, o.role));
        q->bind(5, o.active ? 1 : 0);
        return insert_and_audit(*q, note);
    }

    Result<Id> add_device(const Device& d, const AuditNote& note) override {
        auto q = c_.prepare(
            "INSERT INTO devices(serial, kind, brand, model, firmware, unit_id, keeper_id, status, slot) "
            "VALUES (?,?,?,?,?,?,?,?,?)");
        if (!q) return fail(q.error());
        q->bind(1, d.serial).bind(2, code_of(kDeviceKinds, d.kind)).bind(3, d.brand).bind(4, d.model);
        q->bind(5, d.firmware).bind(6, d.unit_id).bind(7, d.keeper_id);
        q->bind(8, code_of(kDeviceStatuses, d.status)).bind(9, d.slot);
        return insert_and_audit(*q, note);
    }

    Status add_badge(const Badge& b, const AuditNote& note) override {
        auto q = c_.prepare("INSERT INTO badges(uid, officer_id, issued_at_ms) VALUES (?,?,?)");
        if (!q) return fail(q.error());
        q->bind(1, b.uid).bind(2, b.officer_id).bind(3, b.issued_at.ms);
        CUSTODY_TRY(q->run());
        return audit(note);
    }

    Status revoke_badge(const std::string& uid, Timestamp at, const std::string& reason,
                        const AuditNote& note) override {
        auto q = c_.prepare("UPDATE badges SET revoked_at_ms=?, revoke_reason=? WHERE uid=? AND revoked_at_ms IS NULL");
        if (!q) return fail(q.error());
        q->bind(1, at.ms).bind(2, reason).bind(3, uid);
        CUSTODY_TRY(q->run());
        return audit(note);
    }

    Status set_officer_active(Id officer_id, bool active, const AuditNote& note) override {
        auto q = c_.prepare("UPDATE officers SET active=? WHERE id=?");
        if (!q) return fail(q.error());
        q->bind(1, active ? 1 : 0).bind(2, officer_id);
        CUSTODY_TRY(q->run());
        return audit(note);
    }

    Status add_slot(int number, const AuditNote& note) override {
        auto q = c_.prepare("INSERT INTO dock_slots(number) VALUES (?)");
        if (!q) return fail(q.error());
        q->bind(1, number);
        CUSTODY_TRY(q->run());
        return audit(note);
    }

    Status save_profile(const AgencyProfile& p, const AuditNote& note) override {
        auto q = c_.prepare(
            "INSERT INTO agency_profile(key, value) VALUES (?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
        if (!q) return fail(q.error());
        for (const auto& [k, v] : to_settings(p)) {
            q->bind(1, k).bind(2, v);
            CUSTODY_TRY(q->run());
        }
        return audit(note);
    }

    Status commit() override {
        CUSTODY_TRY(tx_.commit());
        // The change is durable now; failing the caller would make a person repeat a
        // checkout that happened. A lagging anchor is safe (verify only needs it not to be
        // ahead), and the next commit moves it on; the problem goes to the log.
        if (audit_.head()) {
            if (auto s = advance_anchor(anchor_, key_, *audit_.head()); !s)
                log_event(LogLevel::Warning, log_line(s.error()));
        }
        return {};
    }

private:
    template <class T, class F>
    static Opt<T> one(Statement& s, F map) {
        auto r = s.step();
        if (!r) return fail(r.error());
        std::optional<T> out;
        if (*r) out = map(s);
        s.reset();
        return out;
    }

    static Unit unit_from_row(const Statement& s) {
        return Unit{s.i64(0), s.text(1), s.text(2), code_to(kAllocationClasses, s.text(3))};
    }

    static Result<std::vector<OpenCheckout>> open_rows(Statement& s) {
        std::vector<OpenCheckout> out;
        while (true) {
            auto r = s.step();
            if (!r) return fail(r.error());
            if (!*r) break;
            out.push_back({device_from_row(s), entry_from_row(s, kDeviceColumnCount)});
        }
        return out;
    }

    Status write_device_state(const Device& d) {
        auto q = c_.cached("UPDATE devices SET status=?, slot=?, open_checkout_id=?, last_issued_at_ms=? WHERE id=?");
        if (!q) return fail(q.error());
        std::optional<std::int64_t> issued;
        if (d.last_issued_at) issued = d.last_issued_at->ms;
        (*q)->bind(1, code_of(kDeviceStatuses, d.status)).bind(2, d.slot).bind(3, d.open_checkout_id);
        (*q)->bind(4, issued).bind(5, d.id);
        return (*q)->run();
    }

    Status linked(const AuditNote& n, const std::optional<RecordLink>& link) {
        auto seq = audit_.append(clock_.now().ms, n, link);
        if (!seq) return fail(seq.error());
        return {};
    }

    Result<Id> insert_and_audit(Statement& q, const AuditNote& note) {
        CUSTODY_TRY(q.run());
        Id id = c_.last_insert_rowid();
        CUSTODY_TRY(audit(note));
        return id;
    }

    // Destroyed last: the connection is not shared with another thread until the
    // transaction has ended.
    std::shared_ptr<std::mutex> mutex_;
    std::unique_lock<std::mutex> held_;
    Connection& c_;
    Transaction tx_;
    AuditWriter audit_;
    const KioskKey& key_;
    const Clock& clock_;
    std::string anchor_;
    FootageRows footage_;
    CustodianRows custodian_;
    FinanceRows finance_;
};

Status ensure_parent_dir(const std::string& path) {
    std::filesystem::path p(path);
    if (!p.has_parent_path()) return {};
    std::error_code ec;
    std::filesystem::create_directories(p.parent_path(), ec);
    if (ec) return fail(Error(MessageId::FileUnwritable, {p.parent_path().string(), ec.message()}));
    return {};
}

Result<bool> is_initialised(Connection& c) {
    auto q = c.prepare("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='agency_profile'");
    if (!q) return fail(q.error());
    auto r = q->step();
    if (!r) return fail(r.error());
    if (q->i64(0) == 0) return false;
    auto n = c.prepare("SELECT count(*) FROM agency_profile");
    if (!n) return fail(n.error());
    auto r2 = n->step();
    if (!r2) return fail(r2.error());
    return n->i64(0) > 0;
}

// A key left by an init that was interrupted before its first entry has signed nothing
// and may be taken up; a key that may have signed a chain is never replaced.
Result<KioskKey> key_for_new_chain(Connection& c, const std::string& key_path) {
    if (!std::filesystem::exists(key_path)) return create_kiosk_key(key_path);
    auto q = c.prepare("SELECT count(*) FROM audit_log");
    if (!q) return fail(q.error());
    auto r = q->step();
    if (!r) return fail(r.error());
    if (q->i64(0) != 0) return fail(Error(MessageId::KeyExists, {key_path}));
    return load_kiosk_key(key_path);
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::initialise(const StorePaths& paths, const Clock& clock,
                                                             const InitOptions& options) {
    CUSTODY_TRY(ensure_parent_dir(paths.db));
    CUSTODY_TRY(ensure_parent_dir(paths.key));
    bool fresh = !std::filesystem::exists(paths.db);
    auto conn = Connection::open(paths.db, Connection::Mode::ReadWriteCreate);
    if (!conn) return fail(conn.error());
    if (!fresh) {
        auto init = is_initialised(**conn);
        if (!init) return fail(init.error());
        if (*init) return fail(Error(MessageId::AlreadyInitialised, {paths.db}));
    }
    ::chmod(paths.db.c_str(), 0600);
    auto m = migrate(**conn);
    if (!m) return fail(m.error());
    auto key = key_for_new_chain(**conn, paths.key);
    if (!key) return fail(key.error());
    // The anchor exists before the first entry does, so no crash leaves a chain without one.
    CUSTODY_TRY(create_genesis_anchor(anchor_path_for(paths.db), *key));
    std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(*conn), *key, paths, clock));
    auto tx = store->begin();
    if (!tx) return fail(tx.error());
    CUSTODY_TRY((*tx)->save_profile(options.profile, {options.actor, "init", options.profile.agency_name,
                                                      "schema=" + std::to_string(latest_schema_version()) +
                                                          "; slots=" + std::to_string(options.slots)}));
    for (int i = 1; i <= options.slots; ++i)
        CUSTODY_TRY((*tx)->add_slot(i, {options.actor, "add_slot", std::to_string(i), ""}));
    CUSTODY_TRY((*tx)->commit());
    return store;
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const StorePaths& paths, const Clock& clock) {
    if (!std::filesystem::exists(paths.db)) return fail(Error(MessageId::DatabaseMissing, {paths.db}));
    auto conn = Connection::open(paths.db, Connection::Mode::ReadWrite);
    if (!conn) return fail(conn.error());
    auto v = schema_version(**conn);
    if (!v) return fail(v.error());
    if (*v == 0) return fail(Error(MessageId::DatabaseNotInitialised, {paths.db}));
    auto m = migrate(**conn);
    if (!m) return fail(m.error());
    auto key = load_kiosk_key(paths.key);
    if (!key) return fail(key.error());
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(*conn), *key, paths, clock));
}

Result<std::unique_ptr<StoreTx>> SqliteStore::begin() {
    std::unique_lock held(*in_use_);
    auto tx = Transaction::begin(*conn_);
    if (!tx) return fail(tx.error());
    return std::unique_ptr<StoreTx>(std::make_unique<SqliteStoreTx>(*conn_, std::move(*tx), key_, clock_,
                                                                    anchor_path_for(paths_.db), in_use_, std::move(held)));
}

}  // namespace custody::db
