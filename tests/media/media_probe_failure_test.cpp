// Files the probe cannot read: each is MediaUnreadable naming the file and saying why.
#include <gtest/gtest.h>

#include <fstream>

#include "kiosk/media/file_media_probe.h"
#include "tests/media/media_test_files.h"
#include "tests/support/simulated_camera.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace custody::media {
namespace {

using custody::test::SimulatedCamera;
using custody::test::TempDir;

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

class MediaProbeFailureTest : public ::testing::Test {
protected:
    // The reason the probe gives, after checking the error is MediaUnreadable for `path`.
    std::string unreadable_reason(const fs::path& path) {
        auto r = probe_.probe(path.string());
        EXPECT_FALSE(r.ok()) << path;
        if (r.ok()) return {};
        EXPECT_EQ(r.error().id, MessageId::MediaUnreadable) << log_line(r.error());
        EXPECT_EQ(r.error().args.size(), 2u);
        if (r.error().args.size() != 2) return {};
        EXPECT_EQ(r.error().args[0], path.string());
        EXPECT_FALSE(r.error().args[1].empty());
        // Both languages name the file.
        EXPECT_NE(render(r.error(), Lang::En).find(path.string()), std::string::npos);
        EXPECT_NE(render(r.error(), Lang::Zh).find(path.string()), std::string::npos);
        return r.error().args[1];
    }

    TempDir tmp_;
    FileMediaProbe probe_;
};

TEST_F(MediaProbeFailureTest, AFileThatIsNotMedia) {
    const fs::path p = tmp_.path() / "VID0009.MP4";
    std::string text;
    for (int i = 0; i < 200; ++i) text += "this is not a recording, only text " + std::to_string(i) + "\n";
    write_all(p, text);
    EXPECT_NE(unreadable_reason(p).find("Invalid data found when processing input"), std::string::npos);
}

TEST_F(MediaProbeFailureTest, ATruncatedMp4) {
    SimulatedCamera camera(tmp_.path() / "camera", "A123456");
    const fs::path whole = camera.record_video("VID0001.MP4", Timestamp{1796026502000}, 1);
    const std::string bytes = read_all(whole);
    const fs::path cut = tmp_.path() / "CUT.MP4";
    // ffmpeg writes the index (moov) after the media data: half a file has none.
    write_all(cut, bytes.substr(0, bytes.size() / 2));
    const std::string reason = unreadable_reason(cut);
    EXPECT_NE(reason.find("moov atom not found"), std::string::npos) << reason;
}

TEST_F(MediaProbeFailureTest, APhotoCutShortOrGarbageAfterTheJpegMarker) {
    SimulatedCamera camera(tmp_.path() / "camera", "A123456");
    camera.record_media_at(Timestamp{1796026502000});
    const std::string bytes = read_all(camera.volume() / "DCIM/100MEDIA/IMG0001.JPG");
    const fs::path cut = tmp_.path() / "CUT.JPG", junk = tmp_.path() / "JUNK.JPG";
    write_all(cut, bytes.substr(0, 300));  // the EXIF block, and no picture
    std::string garbage = "\xff\xd8\xff";
    for (int i = 0; i < 500; ++i) garbage += static_cast<char>((i * 7919) % 251);
    write_all(junk, garbage);
    EXPECT_NE(unreadable_reason(cut).find("no picture"), std::string::npos);
    EXPECT_NE(unreadable_reason(junk).find("no picture"), std::string::npos);
}

TEST_F(MediaProbeFailureTest, AMissingFile) {
    EXPECT_NE(unreadable_reason(tmp_.path() / "GONE.MP4").find("No such file or directory"), std::string::npos);
}

TEST_F(MediaProbeFailureTest, AnEmptyFileAndADirectory) {
    const fs::path empty = tmp_.path() / "EMPTY.WAV";
    write_all(empty, "");
    unreadable_reason(empty);
    unreadable_reason(tmp_.path());
}

TEST_F(MediaProbeFailureTest, APhotoWhoseExifIsDamaged) {
    SimulatedCamera camera(tmp_.path() / "camera", "A123456");
    camera.record_media_at(Timestamp{1796026502000});
    std::string bytes = read_all(camera.volume() / "DCIM/100MEDIA/IMG0001.JPG");
    // The TIFF header's offset of IFD0, in the APP1 segment after "Exif\0\0" and the
    // byte order: pointing far outside the segment, so no entry of it can be read.
    const auto exif = bytes.find(std::string("Exif\0\0", 6));
    ASSERT_NE(exif, std::string::npos);
    bytes.replace(exif + 6 + 4, 4, "\xff\xff\xff\x00", 4);
    const fs::path p = tmp_.path() / "DAMAGED.JPG";
    write_all(p, bytes);
    const std::string reason = unreadable_reason(p);
    EXPECT_NE(reason.find("EXIF"), std::string::npos) << reason;
}

}  // namespace
}  // namespace custody::media
