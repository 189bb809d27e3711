// DiskArchive::copy_in on real files: what it leaves is what sha256sum says, read-only,
// with no temporary file beside it.

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/archive/archive_fixture.h"

namespace fs = std::filesystem;

namespace custody::test {
namespace {

constexpr std::int64_t kMiB = 1 << 20;

using CopyIn = ArchiveFixture;

TEST_F(CopyIn, CopiesMatchSha256sumAreReadOnlyAndLeaveNoPart) {
    // Empty, tiny, a partial last block, and an exact multiple of the 4 MiB block.
    const std::vector<std::pair<std::string, std::int64_t>> files = {
        {"empty.txt", 0}, {"one.bin", 1}, {"DCIM/100MEDIA/VID_0001.MP4", 5 * kMiB + 123}, {"exact.wav", 8 * kMiB}};
    std::uint64_t seed = 1;
    for (const auto& [name, bytes] : files) {
        write_random_file(camera_file(name), bytes, seed++);
        const std::string relative = "2026/05/01/DSJ-001/17/" + name;
        auto copy = archive_->copy_in(camera_file(name).string(), relative, {});
        ASSERT_TRUE(copy) << name << ": " << log_line(copy.error());
        EXPECT_EQ(copy->bytes, bytes) << name;
        EXPECT_EQ(copy->sha256, sha256sum_of(camera_file(name))) << name;
        EXPECT_EQ(copy->sha256, sha256sum_of(archived(relative))) << name;
        EXPECT_EQ(static_cast<std::int64_t>(fs::file_size(archived(relative))), bytes) << name;
        EXPECT_EQ(mode_of(archived(relative)), 0444u) << name;
        EXPECT_EQ(archive_->absolute(relative), archived(relative).string());
    }
    for (const std::string& entry : tree(root_))
        EXPECT_EQ(entry.find(".part"), std::string::npos) << entry;
    // The job folders were made as needed, each an ordinary folder.
    EXPECT_TRUE(fs::is_directory(archived("2026/05/01/DSJ-001/17/DCIM/100MEDIA")));
}

TEST_F(CopyIn, ReportsProgressInSteps) {
    const std::int64_t bytes = 13 * kMiB + 5;
    write_random_file(camera_file("long.mp4"), bytes, 7);
    std::vector<std::int64_t> seen;
    auto copy = archive_->copy_in(camera_file("long.mp4").string(), "job/long.mp4",
                                  [&](std::int64_t done) { seen.push_back(done); });
    ASSERT_TRUE(copy) << log_line(copy.error());
    ASSERT_GE(seen.size(), 2u) << "a file of several blocks reports before it ends";
    EXPECT_EQ(seen.back(), bytes);
    for (std::size_t i = 1; i < seen.size(); ++i) {
        EXPECT_GT(seen[i], seen[i - 1]);
        if (i + 1 < seen.size()) {
            EXPECT_GE(seen[i] - seen[i - 1], kMiB) << "no more often than every MiB";
        }
    }
    EXPECT_GE(seen.front(), kMiB);
}

TEST_F(CopyIn, ReplacesAStaleTemporaryFile) {
    write_random_file(camera_file("a.mp4"), 3 * kMiB, 11);
    // An interrupted earlier attempt, left read-only like a finished copy would be.
    write_random_file(archived("job/a.mp4.part"), 1000, 12);
    fs::permissions(archived("job/a.mp4.part"), fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    auto copy = archive_->copy_in(camera_file("a.mp4").string(), "job/a.mp4", {});
    ASSERT_TRUE(copy) << log_line(copy.error());
    EXPECT_EQ(copy->sha256, sha256sum_of(archived("job/a.mp4")));
    EXPECT_FALSE(fs::exists(archived("job/a.mp4.part")));
}

TEST_F(CopyIn, CopiesAgainOverAnEarlierCopy) {
    write_random_file(camera_file("a.mp4"), 2 * kMiB, 21);
    ASSERT_TRUE(archive_->copy_in(camera_file("a.mp4").string(), "job/a.mp4", {}));
    write_random_file(camera_file("a.mp4"), 3 * kMiB, 22);
    auto again = archive_->copy_in(camera_file("a.mp4").string(), "job/a.mp4", {});
    ASSERT_TRUE(again) << log_line(again.error());
    EXPECT_EQ(again->sha256, sha256sum_of(camera_file("a.mp4")));
    EXPECT_EQ(sha256sum_of(archived("job/a.mp4")), again->sha256);
}

TEST_F(CopyIn, SlotsCopyThroughOneArchiveAtOnce) {
    constexpr int kSlots = 4;
    std::vector<std::string> expected(kSlots);
    for (int s = 0; s < kSlots; ++s) {
        write_random_file(camera_file("slot" + std::to_string(s) + "/v.mp4"), 6 * kMiB + s, 100 + s);
        expected[s] = sha256sum_of(camera_file("slot" + std::to_string(s) + "/v.mp4"));
    }
    std::vector<std::string> got(kSlots);
    std::vector<std::thread> threads;
    for (int s = 0; s < kSlots; ++s) {
        threads.emplace_back([&, s] {
            // The same new job folders for every slot: creating them must not race.
            auto copy = archive_->copy_in(camera_file("slot" + std::to_string(s) + "/v.mp4").string(),
                                          "2026/05/02/slot" + std::to_string(s) + ".mp4", {});
            got[s] = copy ? copy->sha256 : log_line(copy.error());
        });
    }
    for (auto& t : threads) t.join();
    for (int s = 0; s < kSlots; ++s) {
        EXPECT_EQ(got[s], expected[s]) << "slot " << s;
        EXPECT_EQ(sha256sum_of(archived("2026/05/02/slot" + std::to_string(s) + ".mp4")), expected[s]);
    }
}

TEST_F(CopyIn, PathsOutsideTheArchiveAreBugs) {
    write_random_file(camera_file("a.mp4"), 10, 1);
    const std::string src = camera_file("a.mp4").string();
    for (const std::string bad : {"", "/etc/passwd", "../escape.mp4", "job/../../escape.mp4", "job/.."}) {
        EXPECT_THROW((void)archive_->copy_in(src, bad, {}), std::logic_error) << bad;
        EXPECT_THROW((void)archive_->discard(bad), std::logic_error) << bad;
        EXPECT_THROW((void)archive_->rehash(bad), std::logic_error) << bad;
        EXPECT_THROW((void)archive_->remove(bad), std::logic_error) << bad;
        EXPECT_THROW((void)archive_->absolute(bad), std::logic_error) << bad;
        EXPECT_THROW((void)archive_->write_manifest(bad, {}), std::logic_error) << bad;
        EXPECT_THROW((void)archive_->read_manifest(bad), std::logic_error) << bad;
    }
    EXPECT_FALSE(fs::exists(tmp_.path() / "escape.mp4"));
    // Names that merely contain dots are ordinary.
    EXPECT_TRUE(archive_->copy_in(src, "job/..hidden/a..b.mp4", {}));
}

}  // namespace
}  // namespace custody::test
