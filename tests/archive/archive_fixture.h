#pragma once
// Real files in a temporary folder, a DiskArchive on them, and coreutils to check what
// it wrote: the archive must satisfy sha256sum, not only itself.

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/archive/disk_archive.h"
#include "tests/support/temp_dir.h"

namespace custody::test {

// `bytes` of pseudo-random content from `seed` at `path` (its folders created).
void write_random_file(const std::filesystem::path& path, std::int64_t bytes, std::uint64_t seed);

// What `sha256sum <path>` prints for it: the hash alone.
std::string sha256sum_of(const std::filesystem::path& path);

// The permission bits of `path` (e.g. 0444).
unsigned mode_of(const std::filesystem::path& path);

// Every entry under `dir`, relative and sorted; folders end in '/'.
std::vector<std::string> tree(const std::filesystem::path& dir);

class ArchiveFixture : public ::testing::Test {
protected:
    void SetUp() override;

    std::filesystem::path camera_file(const std::string& name) const { return camera_ / name; }
    std::filesystem::path archived(const std::string& relative) const { return root_ / relative; }
    // True when neither the file nor its temporary name exists in the archive.
    bool nothing_at(const std::string& relative) const;

    TempDir tmp_;
    std::filesystem::path camera_;  // stands for the camera's mounted volume
    std::filesystem::path root_;    // the archive root
    std::unique_ptr<archive::DiskArchive> archive_;
};

}  // namespace custody::test
