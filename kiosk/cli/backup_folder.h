#pragma once
// What a backup folder holds and how its files are written; shared by custodyctl backup
// and restore. The folder is a store layout of its own (custody.db, .key, .head beside
// it) plus archive/ with the footage (R12, R16), and a MANIFEST, written last, that lists
// the SHA-256 of every file: a folder without one is an incomplete backup.

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/result.h"

namespace custody::cli::backup {

inline constexpr const char* kFolderPrefix = "custody-backup-";
inline constexpr const char* kManifest = "MANIFEST";
inline constexpr const char* kDatabase = "custody.db";
inline constexpr const char* kKey = "custody.db.key";
inline constexpr const char* kAnchor = "custody.db.head";
inline constexpr const char* kArchive = "archive";  // mirrors the archive root

struct CopiedFile {
    std::string sha256;  // lower-case hex of the bytes written
    std::int64_t bytes = 0;
};

// Copies `from` to `to` (whose folder exists): written to a temporary name beside it while
// hashed, fsynced, given `mode`, renamed, and the folder fsynced, so a crash leaves either
// nothing or the whole file under its name. FileUnreadable, FileUnwritable, or
// BackupNoSpace when the disk fills; nothing is left at `to` or its temporary name.
Result<CopiedFile> copy_durably(const std::string& from, const std::string& to, mode_t mode);
// Hard-links `from` (an unchanged archive file of an earlier backup) as `to` and fsyncs
// the folder; the caller hashes it. false when the link cannot be made (another file
// system, too many links): the caller copies instead.
bool link_durably(const std::string& from, const std::string& to);
// FileUnreadable when the file cannot be read.
Result<CopiedFile> hash_file(const std::string& path);
// The bytes the file system holds for folders and files: fsync of a folder.
Status fsync_folder(const std::string& path);

// One MANIFEST line, `<sha256>  <path>` as sha256sum writes it, so `sha256sum -c
// MANIFEST` inside the folder checks a backup with coreutils alone.
struct ManifestEntry {
    std::string sha256;
    std::string path;  // relative to the backup folder
};
Status write_manifest(const std::string& folder, const std::vector<ManifestEntry>& entries);
// BackupIncomplete when the folder has no MANIFEST; BackupManifestMalformed for a line
// that is not `<sha256>  <path>` or names a path outside the folder.
Result<std::vector<ManifestEntry>> read_manifest(const std::string& folder);

// "20260314T020000Z": folder names sort by time and never need quoting.
std::string utc_stamp(Timestamp now);

}  // namespace custody::cli::backup
