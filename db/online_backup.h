#pragma once
// A consistent copy of a live database while the kiosk keeps writing (SQLite's online
// backup API), and what the copy says belongs with it: the archived footage it references
// (R12, R16) and a head anchor signed for the copy's own chain head.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "db/head_anchor.h"
#include "db/sqlite.h"

namespace custody::db {

// Copies `source` into a new file `dest` in one read transaction, so the copy is the
// database as of one commit whatever other processes write meanwhile. The source is
// opened read-only: a backup never migrates or writes the live database. The copy is
// left in rollback-journal mode, one self-contained file with no -wal beside it (SQLite
// turns WAL back on when the store opens it). Returns the open copy for the caller to
// read the snapshot from. BackupNoSpace when the disk of `dest` fills.
Result<std::unique_ptr<Connection>> online_backup(const std::string& source, const std::string& dest);

struct SnapshotRecording {
    std::string archive_path;  // relative to the archive root
    std::string sha256;
    std::int64_t bytes = 0;
};
struct SnapshotJob {
    std::string archive_dir;
    bool manifest_expected = false;  // a recording of it is committed: its SHA256SUMS exists
};
struct SnapshotFiles {
    std::vector<SnapshotRecording> recordings;
    std::vector<SnapshotJob> jobs;
};
// What `verify --archive` reads for this database: every archived recording not purged,
// and the folders of their jobs (each with a SHA256SUMS once a recording is committed).
Result<SnapshotFiles> archive_files_of(Connection& c);

// Creates the anchor file `path` standing at `head` (temporary name, fsync, rename, as
// every anchor is written). A backup's copy needs its own: the live anchor may already be
// ahead of the copy because the kiosk kept writing. The caller then moves it forward with
// advance_anchor; the lock file advance_anchor takes beside it is the caller's to remove.
Status create_anchor_at(const std::string& path, const KioskKey& key, const HeadAnchor& head);

}  // namespace custody::db
