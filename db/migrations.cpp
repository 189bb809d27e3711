#include "db/migrations.h"

#include "db/migrations_embedded.h"
#include "kiosk/core/log.h"

namespace custody::db {

const std::vector<Migration>& known_migrations() {
    static const std::vector<Migration> all = embedded_migrations();
    return all;
}

int latest_schema_version() { return known_migrations().empty() ? 0 : known_migrations().back().version; }

Result<int> schema_version(Connection& c) {
    auto has = c.prepare("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'");
    if (!has) return fail(has.error());
    auto r = has->step();
    if (!r) return fail(r.error());
    if (has->i64(0) == 0) return 0;
    auto v = c.prepare("SELECT coalesce(max(version), 0) FROM schema_version");
    if (!v) return fail(v.error());
    auto r2 = v->step();
    if (!r2) return fail(r2.error());
    return static_cast<int>(v->i64(0));
}

namespace {

// Foreign keys are off while migrations run, so a migration may rebuild a table that
// others refer to (SQLite's documented way to change a constraint), and are checked
// before each migration commits: a migration that breaks a reference is rolled back.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(Connection& c) : c_(c) { failed_ = !c_.exec("PRAGMA foreign_keys=OFF").ok(); }
    ~ForeignKeysOff() {
        if (auto s = c_.exec("PRAGMA foreign_keys=ON"); !s) log_event(LogLevel::Error, log_line(s.error()));
    }
    bool failed() const { return failed_; }

private:
    Connection& c_;
    bool failed_ = false;
};

Status references_intact(Connection& c, int version) {
    auto q = c.prepare("PRAGMA foreign_key_check");
    if (!q) return fail(q.error());
    auto row = q->step();
    if (!row) return fail(row.error());
    if (*row)
        return fail(Error(MessageId::MigrationFailed,
                          {std::to_string(version), "broken reference in table " + q->text(0)}));
    return {};
}

}  // namespace

Result<int> migrate(Connection& c) { return migrate_to(c, latest_schema_version()); }

Result<int> migrate_to(Connection& c, int target) {
    CUSTODY_TRY(c.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                       "applied_at_ms INTEGER NOT NULL)"));
    auto start = schema_version(c);
    if (!start) return fail(start.error());
    if (*start > latest_schema_version())
        return fail(Error(MessageId::SchemaTooNew, {std::to_string(*start), std::to_string(latest_schema_version())}));
    if (*start >= target) return *start;
    ForeignKeysOff fk(c);
    if (fk.failed()) return fail(Error(MessageId::MigrationFailed, {std::to_string(*start + 1), "cannot pause foreign keys"}));
    for (const auto& m : known_migrations()) {
        if (m.version <= *start || m.version > target) continue;
        auto tx = Transaction::begin(c);
        if (!tx) return fail(tx.error());
        // Another process may have migrated while we waited for the write lock.
        auto now_v = schema_version(c);
        if (!now_v) return fail(now_v.error());
        if (*now_v >= m.version) continue;
        if (auto s = c.exec(m.sql); !s)
            return fail(Error(MessageId::MigrationFailed, {std::to_string(m.version), s.error().detail}));
        CUSTODY_TRY(references_intact(c, m.version));
        auto ins = c.prepare(
            "INSERT INTO schema_version(version, name, applied_at_ms) "
            "VALUES (?, ?, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))");
        if (!ins) return fail(ins.error());
        ins->bind(1, m.version).bind(2, m.name);
        CUSTODY_TRY(ins->run());
        CUSTODY_TRY(tx->commit());
    }
    return *start;
}

}  // namespace custody::db
