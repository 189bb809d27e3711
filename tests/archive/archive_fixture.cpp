#include "tests/archive/archive_fixture.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <stdexcept>

#include "tests/support/run_command.h"

namespace fs = std::filesystem;

namespace custody::test {

void write_random_file(const fs::path& path, std::int64_t bytes, std::uint64_t seed) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    std::mt19937_64 rng(seed);
    std::vector<std::uint64_t> chunk(8192);
    while (bytes > 0) {
        for (auto& w : chunk) w = rng();
        auto n = std::min<std::int64_t>(bytes, static_cast<std::int64_t>(chunk.size() * sizeof(std::uint64_t)));
        out.write(reinterpret_cast<const char*>(chunk.data()), n);
        bytes -= n;
    }
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string sha256sum_of(const fs::path& path) {
    auto r = run_command({"sha256sum", path.string()});
    if (r.exit_code != 0) throw std::runtime_error("sha256sum " + path.string() + " failed: " + r.err);
    return r.out.substr(0, r.out.find(' '));
}

unsigned mode_of(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return 0;
    return st.st_mode & 07777;
}

std::vector<std::string> tree(const fs::path& dir) {
    std::vector<std::string> out;
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
        std::string rel = it->path().lexically_relative(dir).generic_string();
        if (it->is_directory()) rel += '/';
        out.push_back(rel);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void ArchiveFixture::SetUp() {
    camera_ = tmp_.path() / "camera";
    root_ = tmp_.path() / "archive";
    fs::create_directories(camera_);
    auto opened = archive::DiskArchive::open(root_.string());
    ASSERT_TRUE(opened) << log_line(opened.error());
    archive_ = std::move(*opened);
}

bool ArchiveFixture::nothing_at(const std::string& relative) const {
    std::error_code ec;
    return !fs::exists(fs::symlink_status(archived(relative), ec)) &&
           !fs::exists(fs::symlink_status(archived(relative + ".part"), ec));
}

}  // namespace custody::test
