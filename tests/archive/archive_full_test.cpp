// The archive disk filling up during a copy, on a real 4 MiB tmpfs: ArchiveFull says how
// much more room the file needs, gives back every byte it took, and once room is made
// the same copy goes through.

#include <filesystem>

#include "tests/archive/archive_fixture.h"
#include "tests/archive/scratch_mount.h"
#include "tests/support/run_command.h"

namespace fs = std::filesystem;

namespace custody::test {
namespace {

constexpr std::int64_t kMiB = 1 << 20;

class ArchiveFull : public ::testing::Test {
protected:
    void SetUp() override {
        std::string why;
        disk_ = ScratchMount::tmpfs(tmp_.path() / "disk", "size=4m", why);
        ASSERT_TRUE(disk_) << why;
        auto opened = archive::DiskArchive::open((disk_->path() / "archive").string());
        ASSERT_TRUE(opened) << log_line(opened.error());
        archive_ = std::move(*opened);
    }
    void TearDown() override {
        archive_.reset();
        disk_.reset();  // unmounted before the temp dir goes
    }

    std::int64_t free_now() {
        auto f = archive_->free_bytes();
        EXPECT_TRUE(f) << log_line(f.error());
        return f ? *f : -1;
    }

    TempDir tmp_;
    std::unique_ptr<ScratchMount> disk_;
    std::unique_ptr<archive::DiskArchive> archive_;
};

TEST_F(ArchiveFull, SaysHowMuchIsNeededLeavesNothingAndSucceedsOnceThereIsRoom) {
    // An empty 4 MiB tmpfs has all of its 4 MiB free, and statvfs agrees with stat -f.
    EXPECT_EQ(free_now(), 4 * kMiB);
    auto df = run_command({"stat", "-f", "-c", "%a %S", disk_->path().string()});
    ASSERT_EQ(df.exit_code, 0) << df.err;
    const auto space = df.out.find(' ');
    EXPECT_EQ(std::stoll(df.out.substr(0, space)) * std::stoll(df.out.substr(space + 1)), free_now());

    const fs::path filler = disk_->path() / "filler";
    write_random_file(filler, 2 * kMiB, 1);
    const fs::path source = tmp_.path() / "camera" / "VID_0001.MP4";
    const std::int64_t size = 3 * kMiB + kMiB / 4;
    write_random_file(source, size, 2);
    const std::int64_t free_before = free_now();
    ASSERT_LT(free_before, size);

    const std::string relative = "2026/05/01/DSJ-001/9/VID_0001.MP4";
    auto full = archive_->copy_in(source.string(), relative, {});
    ASSERT_FALSE(full.ok());
    ASSERT_EQ(full.error().id, MessageId::ArchiveFull) << log_line(full.error());
    // What did not fit: the file's size less the free space it filled, rounded up.
    const std::int64_t shortfall_mb = (size - free_before + kMiB - 1) / kMiB;
    ASSERT_EQ(shortfall_mb, 2);
    EXPECT_EQ(render(full.error(), Lang::En), "archive full: 2 MB needed") << log_line(full.error());
    EXPECT_EQ(render(full.error(), Lang::Zh), "存档盘空间不足：还需 2 MB");

    EXPECT_FALSE(fs::exists(disk_->path() / "archive" / relative));
    EXPECT_FALSE(fs::exists(disk_->path() / "archive" / (relative + ".part")));
    EXPECT_EQ(free_now(), free_before) << "the partial copy's space is given back";

    fs::remove(filler);
    auto copy = archive_->copy_in(source.string(), relative, {});
    ASSERT_TRUE(copy) << log_line(copy.error());
    EXPECT_EQ(copy->bytes, size);
    EXPECT_EQ(copy->sha256, sha256sum_of(disk_->path() / "archive" / relative));
    EXPECT_EQ(copy->sha256, sha256sum_of(source));
    EXPECT_EQ(mode_of(disk_->path() / "archive" / relative), 0444u);
}

TEST_F(ArchiveFull, ManifestThatDoesNotFitKeepsTheOldOne) {
    ASSERT_TRUE(archive_->write_manifest("job", {{std::string(64, 'a'), "a.mp4"}}));
    const fs::path manifest = disk_->path() / "archive" / "job" / "SHA256SUMS";
    const auto old_text = sha256sum_of(manifest);
    // Take every free page, then ask for a manifest larger than one page.
    write_random_file(disk_->path() / "filler", free_now(), 3);
    ASSERT_EQ(free_now(), 0);
    std::vector<ManifestLine> many;
    for (int i = 0; i < 200; ++i) many.push_back({std::string(64, 'b'), "VID_" + std::to_string(i) + ".MP4"});
    auto r = archive_->write_manifest("job", many);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().id, MessageId::ArchiveFull) << log_line(r.error());
    EXPECT_EQ(sha256sum_of(manifest), old_text);
    EXPECT_FALSE(fs::exists(manifest.string() + ".part"));
}

}  // namespace
}  // namespace custody::test
