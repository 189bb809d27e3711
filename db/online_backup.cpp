#include "db/online_backup.h"

#include <chrono>
#include <thread>

#include "db/rows.h"

namespace custody::db {

namespace {

bool busy(int rc) { return (rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED; }

}  // namespace

Result<std::unique_ptr<Connection>> online_backup(const std::string& source, const std::string& dest) {
    auto from = Connection::open(source, Connection::Mode::ReadOnly);
    if (!from) return fail(from.error());
    auto to = Connection::open(dest, Connection::Mode::ReadWriteCreate);
    if (!to) return fail(to.error());
    sqlite3_backup* b = sqlite3_backup_init((*to)->raw(), "main", (*from)->raw(), "main");
    if (!b) return fail(sqlite_error((*to)->raw(), sqlite3_errcode((*to)->raw()), "backup_init " + dest));
    // All pages in one step: one read transaction on the source, so a commit by the kiosk
    // meanwhile neither restarts the copy nor lands half in it (WAL lets it write on).
    // Busy only while another process holds an exclusive lock (a checkpoint restart,
    // WAL recovery): a short wait, as the store's busy timeout would give.
    int rc = SQLITE_OK;
    for (int attempt = 0; attempt < 200; ++attempt) {
        rc = sqlite3_backup_step(b, -1);
        if (!busy(rc)) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        if ((rc & 0xFF) == SQLITE_FULL) return fail(Error(MessageId::BackupNoSpace, {dest}));
        return fail(sqlite_error((*to)->raw(), rc, "backup_step " + dest));
    }
    auto mode = (*to)->exec("PRAGMA journal_mode=DELETE;");
    if (!mode) {
        int err = sqlite3_extended_errcode((*to)->raw());
        if ((err & 0xFF) == SQLITE_FULL) return fail(Error(MessageId::BackupNoSpace, {dest}));
        return fail(mode.error());
    }
    return std::move(*to);
}

Result<SnapshotFiles> archive_files_of(Connection& c) {
    SnapshotFiles out;
    // The same rows check_archive reads (FootageRows::archived_recordings).
    auto q = c.prepare(
        "SELECT archive_path, sha256, bytes FROM recordings "
        "WHERE state IN ('verified','committed','wiped') AND purged_at_ms IS NULL ORDER BY id");
    if (!q) return fail(q.error());
    auto recordings = all<SnapshotRecording>(*q, [](Statement& s) {
        return SnapshotRecording{s.text(0), s.text(1), s.i64(2)};
    });
    if (!recordings) return fail(recordings.error());
    out.recordings = std::move(*recordings);
    auto j = c.prepare(
        "SELECT j.archive_dir, max(r.state IN ('committed','wiped')) FROM offload_jobs j "
        "JOIN recordings r ON r.job_id = j.id "
        "WHERE r.state IN ('verified','committed','wiped') AND r.purged_at_ms IS NULL "
        "GROUP BY j.id ORDER BY j.id");
    if (!j) return fail(j.error());
    auto jobs = all<SnapshotJob>(*j, [](Statement& s) { return SnapshotJob{s.text(0), s.i64(1) != 0}; });
    if (!jobs) return fail(jobs.error());
    out.jobs = std::move(*jobs);
    return out;
}

Status create_anchor_at(const std::string& path, const KioskKey& key, const HeadAnchor& head) {
    CUSTODY_TRY(create_genesis_anchor(path, key));
    return advance_anchor(path, key, head);
}

}  // namespace custody::db
