#pragma once
// The port to the dedicated footage storage (R16): a directory tree a custodian can walk
// and check with coreutils alone. Paths given to it are relative to the archive root.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "kiosk/core/result.h"

namespace custody {

struct ArchivedCopy {
    std::string sha256;  // lower-case hex, as read back from the archive disk
    std::int64_t bytes = 0;
};

// One line of a SHA256SUMS file: `<sha256>  <name>`, name relative to the job folder.
struct ManifestLine {
    std::string sha256;
    std::string name;
};

// Called from the copying thread as bytes reach the archive.
using ByteProgress = std::function<void(std::int64_t bytes_done)>;

class FootageArchive {
public:
    virtual ~FootageArchive() = default;

    // Copies `source` (an absolute path, the camera's volume) to `relative`: one read of
    // the source feeds both the SHA-256 and the write to a temporary name beside the
    // target; then fsync, rename, fsync of the folder, the copy dropped from the page
    // cache and read back from disk; only when that hash matches does it succeed, and
    // the file is left read-only. Failures: ArchiveFull (with the megabytes needed),
    // SourceVanished, SourceChanged, SourceReadError, ArchiveWriteError,
    // ArchiveVerifyMismatch. A failure leaves nothing at `relative`.
    virtual Result<ArchivedCopy> copy_in(const std::string& source, const std::string& relative,
                                         const ByteProgress& progress) = 0;

    // Removes whatever an interrupted copy_in left for `relative` (its temporary file,
    // or a final file that was never recorded as verified). Nothing there is fine.
    virtual Status discard(const std::string& relative) = 0;

    // Reads the archived file from disk and hashes it. ArchiveFileMissing when absent.
    virtual Result<std::string> rehash(const std::string& relative) = 0;

    // Writes `<job_dir>/SHA256SUMS` aside, fsyncs and renames it into place.
    virtual Status write_manifest(const std::string& job_dir, const std::vector<ManifestLine>& lines) = 0;
    // ArchiveFileMissing when the job folder has none; ManifestMalformed for a bad line.
    virtual Result<std::vector<ManifestLine>> read_manifest(const std::string& job_dir) = 0;

    // Deletes an archived file (an approved purge, R18). Missing is an error.
    virtual Status remove(const std::string& relative) = 0;

    virtual Result<std::int64_t> free_bytes() = 0;
    virtual std::string absolute(const std::string& relative) const = 0;
};

}  // namespace custody
