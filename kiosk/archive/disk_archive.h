#pragma once
// The footage archive on a local disk (R16): plain files under one root folder, each job
// with its SHA256SUMS, so a custodian can walk it and run `sha256sum -c` with coreutils
// alone. Stateless beyond the root: several slots may copy through one instance at once.

#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/footage_archive.h"
#include "kiosk/core/result.h"

namespace custody::archive {

class DiskArchive final : public FootageArchive {
public:
    // Creates `root` and its parents when missing, then proves it writable by creating
    // and removing a file. ArchiveUnavailable {root, reason} when either fails.
    static Result<std::unique_ptr<DiskArchive>> open(const std::string& root);

    const std::string& root() const { return root_; }

    // Relative paths that are empty, absolute or contain ".." throw std::logic_error.
    Result<ArchivedCopy> copy_in(const std::string& source, const std::string& relative,
                                 const ByteProgress& progress) override;
    Status discard(const std::string& relative) override;
    // Drops the file's cached pages first, so the hash is of what the disk holds.
    // ArchiveFileMissing, or ArchiveReadError {relative, reason}.
    Result<std::string> rehash(const std::string& relative) override;
    // Replaces an existing (read-only) SHA256SUMS; the new one is left read-only too.
    Status write_manifest(const std::string& job_dir, const std::vector<ManifestLine>& lines) override;
    Result<std::vector<ManifestLine>> read_manifest(const std::string& job_dir) override;
    Status remove(const std::string& relative) override;
    // Bytes available to the kiosk's user (statvfs f_bavail), not counting reserved blocks.
    Result<std::int64_t> free_bytes() override;
    std::string absolute(const std::string& relative) const override;

    static constexpr const char* kManifestName = "SHA256SUMS";
    static constexpr const char* kPartSuffix = ".part";

private:
    explicit DiskArchive(std::string root) : root_(std::move(root)) {}
    std::string folder_of(const std::string& relative) const;

    std::string root_;
};

}  // namespace custody::archive
