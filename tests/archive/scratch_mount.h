#pragma once
// A small tmpfs mounted for one test: a real file system that really fills up (archive
// full) or refuses writes (read-only). The test process first moves into a mount
// namespace of its own, so the mount is invisible to the rest of the machine and goes
// away with the process even when a test crashes before its teardown.

#include <filesystem>
#include <memory>
#include <string>

namespace custody::test {

class ScratchMount {
public:
    // Mounts a tmpfs with `options` (e.g. "size=4m", "ro,size=1m") on `dir`, creating it.
    // Root mounts in a private mount namespace; anyone else gets one inside a new user
    // namespace. On failure returns nullptr and says why in `why`: the caller fails.
    static std::unique_ptr<ScratchMount> tmpfs(const std::filesystem::path& dir, const std::string& options,
                                               std::string& why);
    ~ScratchMount();
    ScratchMount(const ScratchMount&) = delete;
    ScratchMount& operator=(const ScratchMount&) = delete;

    const std::filesystem::path& path() const { return dir_; }

private:
    explicit ScratchMount(std::filesystem::path dir) : dir_(std::move(dir)) {}
    std::filesystem::path dir_;
};

}  // namespace custody::test
