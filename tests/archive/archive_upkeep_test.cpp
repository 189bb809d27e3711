// Everything around the copy: opening the root, rehashing what the disk holds,
// discarding what an interrupted copy left, purging, free space.

#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "tests/archive/archive_fixture.h"
#include "tests/archive/scratch_mount.h"

namespace fs = std::filesystem;

namespace custody::test {
namespace {

constexpr std::int64_t kMiB = 1 << 20;

using Upkeep = ArchiveFixture;

TEST_F(Upkeep, RehashDetectsAnAlteredFile) {
    write_random_file(camera_file("v.mp4"), 9 * kMiB + 3, 9);
    auto copy = archive_->copy_in(camera_file("v.mp4").string(), "job/v.mp4", {});
    ASSERT_TRUE(copy) << log_line(copy.error());
    auto same = archive_->rehash("job/v.mp4");
    ASSERT_TRUE(same) << log_line(same.error());
    EXPECT_EQ(*same, copy->sha256);

    // Someone with a shell makes the file writable and changes one byte in the middle.
    fs::permissions(archived("job/v.mp4"), fs::perms::owner_write, fs::perm_options::add);
    {
        int fd = ::open(archived("job/v.mp4").c_str(), O_RDWR);
        ASSERT_GE(fd, 0);
        char c = 0;
        ASSERT_EQ(::pread(fd, &c, 1, 5 * kMiB), 1);
        c = static_cast<char>(c ^ 0x01);
        ASSERT_EQ(::pwrite(fd, &c, 1, 5 * kMiB), 1);
        ASSERT_EQ(::fsync(fd), 0);
        ::close(fd);
    }
    auto altered = archive_->rehash("job/v.mp4");
    ASSERT_TRUE(altered) << log_line(altered.error());
    EXPECT_NE(*altered, copy->sha256);
    EXPECT_EQ(*altered, sha256sum_of(archived("job/v.mp4")));
}

TEST_F(Upkeep, RehashOfAMissingFileIsTyped) {
    auto r = archive_->rehash("job/none.mp4");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().id, MessageId::ArchiveFileMissing);
    EXPECT_EQ(r.error().args, (std::vector<std::string>{"job/none.mp4"}));
    fs::create_directories(archived("job/folder.mp4"));
    auto dir = archive_->rehash("job/folder.mp4");
    ASSERT_FALSE(dir.ok());
    EXPECT_EQ(dir.error().id, MessageId::ArchiveReadError);
}

TEST_F(Upkeep, DiscardRemovesWhatAnInterruptedCopyLeft) {
    write_random_file(archived("job/a.mp4.part"), 100, 1);
    write_random_file(archived("job/b.mp4"), 100, 2);
    fs::permissions(archived("job/b.mp4"), fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    EXPECT_TRUE(archive_->discard("job/a.mp4"));
    EXPECT_TRUE(archive_->discard("job/b.mp4"));
    EXPECT_TRUE(nothing_at("job/a.mp4"));
    EXPECT_TRUE(nothing_at("job/b.mp4"));
    // Nothing there, not even the folder, is fine.
    EXPECT_TRUE(archive_->discard("job/c.mp4"));
    EXPECT_TRUE(archive_->discard("other/job/c.mp4"));
}

TEST_F(Upkeep, RemovePurgesAReadOnlyFileAndMissingIsAnError) {
    write_random_file(camera_file("v.mp4"), 1000, 3);
    ASSERT_TRUE(archive_->copy_in(camera_file("v.mp4").string(), "job/v.mp4", {}));
    ASSERT_EQ(mode_of(archived("job/v.mp4")), 0444u);
    auto r = archive_->remove("job/v.mp4");
    ASSERT_TRUE(r) << log_line(r.error());
    EXPECT_FALSE(fs::exists(archived("job/v.mp4")));
    auto again = archive_->remove("job/v.mp4");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().id, MessageId::ArchiveFileMissing);
    EXPECT_EQ(again.error().args, (std::vector<std::string>{"job/v.mp4"}));
}

TEST_F(Upkeep, FreeBytesFollowTheDisk) {
    auto f = archive_->free_bytes();
    ASSERT_TRUE(f) << log_line(f.error());
    EXPECT_GT(*f, 0);
    EXPECT_EQ(archive_->root(), root_.string());
}

TEST_F(Upkeep, OpenCreatesAMissingRoot) {
    const fs::path deep = tmp_.path() / "new" / "disk" / "archive";
    auto opened = archive::DiskArchive::open(deep.string() + "/");
    ASSERT_TRUE(opened) << log_line(opened.error());
    EXPECT_TRUE(fs::is_directory(deep));
    EXPECT_EQ((*opened)->root(), deep.string());
    EXPECT_TRUE(fs::is_empty(deep)) << "the writability probe is removed";
}

TEST_F(Upkeep, OpenFailsWhereNoFolderCanBe) {
    std::ofstream(tmp_.path() / "a-file") << "x";
    const std::string under_file = (tmp_.path() / "a-file" / "archive").string();
    auto r = archive::DiskArchive::open(under_file);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().id, MessageId::ArchiveUnavailable);
    EXPECT_EQ(r.error().args, (std::vector<std::string>{under_file, std::strerror(ENOTDIR)}));
}

TEST_F(Upkeep, OpenFailsOnAReadOnlyDisk) {
    std::string why;
    auto ro = ScratchMount::tmpfs(tmp_.path() / "ro", "ro,size=1m", why);
    ASSERT_TRUE(ro) << why;
    // The root folder itself is there; only writing into it fails.
    auto r = archive::DiskArchive::open(ro->path().string());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().id, MessageId::ArchiveUnavailable);
    EXPECT_EQ(r.error().args, (std::vector<std::string>{ro->path().string(), std::strerror(EROFS)}));
    auto sub = archive::DiskArchive::open((ro->path() / "archive").string());
    ASSERT_FALSE(sub.ok());
    EXPECT_EQ(sub.error().id, MessageId::ArchiveUnavailable);
}

}  // namespace
}  // namespace custody::test
