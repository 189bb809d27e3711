// The camera side failing during copy_in: the file vanishes, changes, cannot be read.
// Each is typed and leaves nothing in the archive. The faults are real: the progress
// callback deletes or rewrites the source while the copy is under way.
//
// Not covered here: ArchiveVerifyMismatch needs the archive disk to hand back other
// bytes than were written, and this machine has no fault-injecting block device
// (device-mapper is not in its kernel); it is not faked.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "tests/archive/archive_fixture.h"

namespace fs = std::filesystem;

namespace custody::test {
namespace {

constexpr std::int64_t kMiB = 1 << 20;
// Several of the archive's 4 MiB blocks, so the callback runs with reading still to do.
constexpr std::int64_t kSeveralBlocks = 14 * kMiB + 17;

class SourceFaults : public ArchiveFixture {
protected:
    std::string make_source(const std::string& name, std::int64_t bytes = kSeveralBlocks) {
        write_random_file(camera_file(name), bytes, 42);
        // A camera's files are old by the time it docks; a change now moves the mtime
        // even where the clock is coarse.
        const timespec old[2] = {{1'700'000'000, 0}, {1'700'000'000, 0}};
        EXPECT_EQ(utimensat(AT_FDCWD, camera_file(name).c_str(), old, 0), 0);
        return camera_file(name).string();
    }

    void expect_failure(const Result<ArchivedCopy>& r, MessageId id, const std::string& source,
                        const std::string& relative) {
        ASSERT_FALSE(r.ok()) << "copy_in succeeded";
        EXPECT_EQ(r.error().id, id) << log_line(r.error());
        ASSERT_FALSE(r.error().args.empty());
        EXPECT_EQ(r.error().args[0], source) << "camera-side errors name the source path";
        EXPECT_TRUE(nothing_at(relative)) << relative;
    }
};

TEST_F(SourceFaults, VanishingMidCopy) {
    const std::string src = make_source("VID_0001.MP4");
    int calls = 0;
    auto r = archive_->copy_in(src, "job/VID_0001.MP4", [&](std::int64_t done) {
        if (calls++ == 0) {
            EXPECT_LT(done, kSeveralBlocks);
            fs::remove(src);
        }
    });
    EXPECT_GE(calls, 1);
    expect_failure(r, MessageId::SourceVanished, src, "job/VID_0001.MP4");
    EXPECT_NE(render(r.error(), Lang::En).find("vanished"), std::string::npos);
}

TEST_F(SourceFaults, GrowingMidCopy) {
    const std::string src = make_source("VID_0002.MP4");
    int calls = 0;
    auto r = archive_->copy_in(src, "job/VID_0002.MP4", [&](std::int64_t) {
        if (calls++ == 0) std::ofstream(src, std::ios::binary | std::ios::app) << "more footage";
    });
    expect_failure(r, MessageId::SourceChanged, src, "job/VID_0002.MP4");
}

TEST_F(SourceFaults, RewrittenInPlaceMidCopy) {
    const std::string src = make_source("VID_0003.MP4");
    int calls = 0;
    auto r = archive_->copy_in(src, "job/VID_0003.MP4", [&](std::int64_t) {
        if (calls++ != 0) return;
        // Same size, different bytes at the start: only the mtime tells.
        int fd = ::open(src.c_str(), O_WRONLY);
        ASSERT_GE(fd, 0);
        ASSERT_EQ(::pwrite(fd, "XXXX", 4, 0), 4);
        ::close(fd);
    });
    expect_failure(r, MessageId::SourceChanged, src, "job/VID_0003.MP4");
    EXPECT_EQ(static_cast<std::int64_t>(fs::file_size(src)), kSeveralBlocks);
}

TEST_F(SourceFaults, ReplacedByAnotherFileMidCopy) {
    const std::string src = make_source("VID_0004.MP4");
    int calls = 0;
    auto r = archive_->copy_in(src, "job/VID_0004.MP4", [&](std::int64_t) {
        if (calls++ != 0) return;
        write_random_file(camera_file("other"), kSeveralBlocks, 43);
        fs::rename(camera_file("other"), src);
    });
    expect_failure(r, MessageId::SourceChanged, src, "job/VID_0004.MP4");
}

TEST_F(SourceFaults, MissingBeforeTheCopy) {
    const std::string src = camera_file("never-there.mp4").string();
    expect_failure(archive_->copy_in(src, "job/x.mp4", {}), MessageId::SourceVanished, src, "job/x.mp4");
    // The camera's volume itself gone (unmounted, unplugged).
    const std::string under = camera_file("gone/DCIM/x.mp4").string();
    expect_failure(archive_->copy_in(under, "job/y.mp4", {}), MessageId::SourceVanished, under, "job/y.mp4");
}

TEST_F(SourceFaults, FolderIsNotAFile) {
    fs::create_directories(camera_file("DCIM"));
    const std::string src = camera_file("DCIM").string();
    auto r = archive_->copy_in(src, "job/DCIM", {});
    expect_failure(r, MessageId::SourceReadError, src, "job/DCIM");
    ASSERT_EQ(r.error().args.size(), 2u);
    EXPECT_EQ(r.error().args[1], std::strerror(EISDIR));
}

TEST_F(SourceFaults, FifoDoesNotHangTheCopy) {
    const std::string src = camera_file("pipe").string();
    ASSERT_EQ(::mkfifo(src.c_str(), 0644), 0);
    auto r = archive_->copy_in(src, "job/pipe", {});
    expect_failure(r, MessageId::SourceReadError, src, "job/pipe");
}

// A real read() failing with EIO from the kernel: /proc/self/mem is a regular file whose
// offset 0 is an unmapped address. A dying camera's flash reports the same errno.
TEST_F(SourceFaults, ReadErrorIsTypedWithItsReason) {
    const std::string src = "/proc/self/mem";
    auto r = archive_->copy_in(src, "job/mem", {});
    expect_failure(r, MessageId::SourceReadError, src, "job/mem");
    ASSERT_EQ(r.error().args.size(), 2u);
    EXPECT_EQ(r.error().args[1], std::strerror(EIO));
    EXPECT_NE(render(r.error(), Lang::En).find("cannot read /proc/self/mem from the camera: "), std::string::npos)
        << render(r.error(), Lang::En);
}

TEST_F(SourceFaults, AFailedCopyLeavesNoOlderCopyBehind) {
    const std::string src = make_source("VID_0005.MP4", 2 * kMiB);
    ASSERT_TRUE(archive_->copy_in(src, "job/VID_0005.MP4", {}));
    fs::remove(src);
    expect_failure(archive_->copy_in(src, "job/VID_0005.MP4", {}), MessageId::SourceVanished, src,
                   "job/VID_0005.MP4");
}

}  // namespace
}  // namespace custody::test
