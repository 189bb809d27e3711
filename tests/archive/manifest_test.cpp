// SHA256SUMS as coreutils writes and checks it: `sha256sum -c` passes in the job folder
// on what write_manifest wrote, and read_manifest reads what sha256sum wrote.

#include <filesystem>
#include <fstream>

#include "kiosk/archive/manifest_format.h"
#include "tests/archive/archive_fixture.h"
#include "tests/support/run_command.h"

namespace fs = std::filesystem;

namespace custody::test {
namespace {

constexpr std::int64_t kMiB = 1 << 20;

// Runs `sha256sum ARGS...` with the job folder as working directory.
CommandResult sha256sum_in(const fs::path& dir, const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"sh", "-c", "cd \"$1\" && shift && exec sha256sum \"$@\"", "sh", dir.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv);
}

class Manifest : public ArchiveFixture {
protected:
    // Copies the files into `job` and returns their manifest lines, names relative to it.
    std::vector<ManifestLine> archive_job(const std::string& job, const std::vector<std::string>& names) {
        std::vector<ManifestLine> lines;
        std::uint64_t seed = 5;
        for (const std::string& name : names) {
            write_random_file(camera_file(name), 1 * kMiB + static_cast<std::int64_t>(seed), seed);
            ++seed;
            auto copy = archive_->copy_in(camera_file(name).string(), job + "/" + name, {});
            EXPECT_TRUE(copy) << log_line(copy.error());
            if (copy) lines.push_back({copy->sha256, name});
        }
        return lines;
    }
    fs::path manifest(const std::string& job) const { return archived(job + "/SHA256SUMS"); }
};

TEST_F(Manifest, Sha256sumCheckPassesInTheJobFolder) {
    const std::string job = "2026/05/01/DSJ-001/17";
    auto lines = archive_job(job, {"VID_0001.MP4", "REC_0001.WAV", "DCIM/IMG_0001.JPG"});
    ASSERT_EQ(lines.size(), 3u);
    auto w = archive_->write_manifest(job, lines);
    ASSERT_TRUE(w) << log_line(w.error());

    std::ifstream in(manifest(job));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text, lines[0].sha256 + "  VID_0001.MP4\n" + lines[1].sha256 + "  REC_0001.WAV\n" + lines[2].sha256 +
                        "  DCIM/IMG_0001.JPG\n");
    EXPECT_EQ(mode_of(manifest(job)), 0444u);
    EXPECT_FALSE(fs::exists(manifest(job).string() + ".part"));

    auto check = sha256sum_in(archived(job), {"-c", "SHA256SUMS"});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    EXPECT_EQ(check.out, "VID_0001.MP4: OK\nREC_0001.WAV: OK\nDCIM/IMG_0001.JPG: OK\n");

    auto back = archive_->read_manifest(job);
    ASSERT_TRUE(back) << log_line(back.error());
    ASSERT_EQ(back->size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ((*back)[i].sha256, lines[i].sha256);
        EXPECT_EQ((*back)[i].name, lines[i].name);
    }
}

TEST_F(Manifest, ReplacesAReadOnlyManifest) {
    const std::string job = "job";
    auto lines = archive_job(job, {"a.mp4", "b.mp4"});
    ASSERT_TRUE(archive_->write_manifest(job, {lines[0]}));
    ASSERT_EQ(mode_of(manifest(job)), 0444u);
    auto again = archive_->write_manifest(job, lines);
    ASSERT_TRUE(again) << log_line(again.error());
    EXPECT_EQ(mode_of(manifest(job)), 0444u);
    auto check = sha256sum_in(archived(job), {"-c", "SHA256SUMS"});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    EXPECT_EQ(check.out, "a.mp4: OK\nb.mp4: OK\n");
}

TEST_F(Manifest, NamesWithBackslashesAndNewlinesAreEscapedAsSha256sumDoes) {
    const std::string job = "job";
    auto lines = archive_job(job, {"back\\slash.mp4", "new\nline.mp4", "carriage\rreturn.mp4", "plain.mp4"});
    ASSERT_EQ(lines.size(), 4u);
    ASSERT_TRUE(archive_->write_manifest(job, lines));
    // Byte for byte what sha256sum itself prints for these files.
    auto own = sha256sum_in(archived(job), {"back\\slash.mp4", "new\nline.mp4", "carriage\rreturn.mp4", "plain.mp4"});
    ASSERT_EQ(own.exit_code, 0) << own.err;
    std::ifstream in(manifest(job));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text, own.out);
    auto check = sha256sum_in(archived(job), {"-c", "--quiet", "SHA256SUMS"});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    auto back = archive_->read_manifest(job);
    ASSERT_TRUE(back) << log_line(back.error());
    ASSERT_EQ(back->size(), 4u);
    for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ((*back)[i].name, lines[i].name);
}

TEST_F(Manifest, ReadsWhatSha256sumWrote) {
    const std::string job = "job";
    auto lines = archive_job(job, {"a.mp4", "DCIM/b.jpg"});
    // Text mode and binary mode (`*`), written by coreutils rather than by the archive.
    auto made = run_command({"sh", "-c", "cd \"$1\" && sha256sum a.mp4 > SHA256SUMS && sha256sum -b DCIM/b.jpg >> SHA256SUMS",
                             "sh", archived(job).string()});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    auto back = archive_->read_manifest(job);
    ASSERT_TRUE(back) << log_line(back.error());
    ASSERT_EQ(back->size(), 2u);
    EXPECT_EQ((*back)[0].sha256, lines[0].sha256);
    EXPECT_EQ((*back)[0].name, "a.mp4");
    EXPECT_EQ((*back)[1].sha256, lines[1].sha256);
    EXPECT_EQ((*back)[1].name, "DCIM/b.jpg");
}

TEST_F(Manifest, AMalformedLineIsNamedByNumber) {
    const std::string job = "job";
    fs::create_directories(archived(job));
    const std::string good = std::string(64, 'e') + "  a.mp4\n";
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"short hash", std::string(63, 'e') + "  b.mp4\n"},
        {"not hex", std::string(63, 'e') + "g  b.mp4\n"},
        {"one space", std::string(64, 'e') + " b.mp4\n"},
        {"no name", std::string(64, 'e') + "  \n"},
        {"absolute name", std::string(64, 'e') + "  /etc/passwd\n"},
        {"climbs out", std::string(64, 'e') + "  ../b.mp4\n"},
        {"bad escape", "\\" + std::string(64, 'e') + "  b\\x.mp4\n"},
        {"BSD tag format", "SHA256 (b.mp4) = " + std::string(64, 'e') + "\n"},
    };
    for (const auto& [what, line] : bad) {
        fs::remove(manifest(job));
        std::ofstream(manifest(job)) << good << line << good;
        auto r = archive_->read_manifest(job);
        ASSERT_FALSE(r.ok()) << what;
        EXPECT_EQ(r.error().id, MessageId::ManifestMalformed) << what;
        EXPECT_EQ(r.error().args, (std::vector<std::string>{"job/SHA256SUMS", "2"})) << what;
        EXPECT_EQ(render(r.error(), Lang::En), "job/SHA256SUMS line 2 is malformed") << what;
    }
}

TEST_F(Manifest, ToleratesWhatSha256sumTolerates) {
    const std::string job = "job";
    fs::create_directories(archived(job));
    const std::string upper(64, 'E');
    std::ofstream(manifest(job)) << "\n" << upper << "  a.mp4\r\n" << std::string(64, 'f') << "  b.mp4";
    auto r = archive_->read_manifest(job);
    ASSERT_TRUE(r) << log_line(r.error());
    ASSERT_EQ(r->size(), 2u);
    EXPECT_EQ((*r)[0].sha256, std::string(64, 'e'));
    EXPECT_EQ((*r)[0].name, "a.mp4");
    EXPECT_EQ((*r)[1].name, "b.mp4");
}

TEST_F(Manifest, MissingManifestIsTyped) {
    fs::create_directories(archived("job"));
    auto r = archive_->read_manifest("job");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().id, MessageId::ArchiveFileMissing);
    EXPECT_EQ(r.error().args, (std::vector<std::string>{"job/SHA256SUMS"}));
}

TEST_F(Manifest, LinesNoSha256sumCouldReadAreBugs) {
    EXPECT_THROW((void)archive_->write_manifest("job", {{"abc", "a.mp4"}}), std::logic_error);
    EXPECT_THROW((void)archive_->write_manifest("job", {{std::string(64, 'A'), "a.mp4"}}), std::logic_error);
    EXPECT_THROW((void)archive_->write_manifest("job", {{std::string(64, 'a'), "../a.mp4"}}), std::logic_error);
    EXPECT_THROW((void)archive_->write_manifest("job", {{std::string(64, 'a'), ""}}), std::logic_error);
    EXPECT_FALSE(fs::exists(manifest("job")));
}

}  // namespace
}  // namespace custody::test
