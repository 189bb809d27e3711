// The probe on real recordings: what SimulatedCamera records, and a few files made here.
#include <gtest/gtest.h>

#include <cstdlib>
#include <thread>

#include "kiosk/media/file_media_probe.h"
#include "tests/media/media_test_files.h"
#include "tests/support/simulated_camera.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace custody::media {
namespace {

using custody::test::SimulatedCamera;
using custody::test::TempDir;
using test::describe;
using test::make_with_ffmpeg;
using test::run_exiftool;

// 2026-11-29T23:30:05Z, 07:30:05 on 2026-11-30 in Asia/Shanghai: the camera's local date
// is not the UTC one.
constexpr Timestamp kStart{1795995005000};
constexpr std::int64_t kShanghai = 8 * kMsPerHour;

// A container rounds the length to its frames or packets; this is not timing.
constexpr std::int64_t kLengthSlackMs = 50;

class MediaProbeTest : public ::testing::Test {
protected:
    void SetUp() override { camera_.record_media_at(kStart); }

    std::string video() const { return (camera_.volume() / "DCIM/100MEDIA/VID0001.MP4").string(); }
    std::string audio() const { return (camera_.volume() / "AUDIO/AUD0001.WAV").string(); }
    std::string photo() const { return (camera_.volume() / "DCIM/100MEDIA/IMG0001.JPG").string(); }

    MediaInfo probe_ok(const std::string& path) {
        auto r = probe_.probe(path);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : log_line(r.error()));
        return r.ok() ? *r : MediaInfo{};
    }

    TempDir tmp_;
    SimulatedCamera camera_{tmp_.path() / "camera", "A123456"};
    FileMediaProbe probe_;  // Asia/Shanghai, as the cameras
};

TEST_F(MediaProbeTest, Mp4Video) {
    MediaInfo m = probe_ok(video());
    EXPECT_EQ(m.kind, MediaKind::Video);
    EXPECT_EQ(m.container, "mov,mp4,m4a,3gp,3g2,mj2");
    EXPECT_EQ(m.codec, "mpeg4");
    EXPECT_EQ(m.width, 160);
    EXPECT_EQ(m.height, 120);
    ASSERT_TRUE(m.duration_ms);
    EXPECT_NEAR(static_cast<double>(*m.duration_ms), 1000.0, kLengthSlackMs);
    ASSERT_TRUE(m.started_at);
    EXPECT_EQ(m.started_at->ms / 1000, kStart.ms / 1000);
    EXPECT_TRUE(m.probe_error.empty());
}

TEST_F(MediaProbeTest, WavAudioStartsAtItsBroadcastWaveOrigination) {
    MediaInfo m = probe_ok(audio());
    EXPECT_EQ(m.kind, MediaKind::Audio);
    EXPECT_EQ(m.container, "wav");
    EXPECT_EQ(m.codec, "pcm_s16le");
    EXPECT_EQ(m.width, 0);
    EXPECT_EQ(m.height, 0);
    ASSERT_TRUE(m.duration_ms);
    EXPECT_NEAR(static_cast<double>(*m.duration_ms), 1000.0, kLengthSlackMs);
    ASSERT_TRUE(m.started_at);
    EXPECT_EQ(m.started_at->ms, kStart.ms);
}

TEST_F(MediaProbeTest, JpegPhotoStartsAtItsExifTimeInTheCamerasZone) {
    // The fixture wrote the camera's wall clock, as cameras do.
    auto exif = custody::test::run_command({"exiftool", "-s3", "-DateTimeOriginal", photo()});
    ASSERT_EQ(exif.exit_code, 0) << exif.err;
    EXPECT_EQ(exif.out, "2026:11:30 07:30:05\n");

    MediaInfo m = probe_ok(photo());
    EXPECT_EQ(m.kind, MediaKind::Photo);
    EXPECT_EQ(m.container, "jpeg");
    EXPECT_EQ(m.codec, "mjpeg");
    EXPECT_EQ(m.width, 160);
    EXPECT_EQ(m.height, 120);
    EXPECT_FALSE(m.duration_ms);
    ASSERT_TRUE(m.started_at);
    EXPECT_EQ(m.started_at->ms, kStart.ms);
}

TEST_F(MediaProbeTest, LocalEightOClockInShanghaiIsMidnightUtc) {
    const fs::path p = tmp_.path() / "EIGHT.JPG";
    make_with_ffmpeg({"-f", "lavfi", "-i", "testsrc=size=160x120", "-frames:v", "1"}, p);
    run_exiftool({"-DateTimeOriginal=2026:11:30 08:00:00"}, p);
    MediaInfo m = probe_ok(p.string());
    ASSERT_TRUE(m.started_at);
    EXPECT_EQ(m.started_at->ms, 1795996800000);  // 2026-11-30T00:00:00Z
}

TEST_F(MediaProbeTest, TheZoneGivenReadsTheWallClock) {
    FileMediaProbe utc("UTC");
    auto m = utc.probe(photo());
    ASSERT_TRUE(m.ok()) << log_line(m.error());
    ASSERT_TRUE(m->started_at);
    EXPECT_EQ(m->started_at->ms, kStart.ms + kShanghai);
    FileMediaProbe new_york("America/New_York");  // UTC-5 in November
    auto a = new_york.probe(audio());
    ASSERT_TRUE(a.ok()) << log_line(a.error());
    ASSERT_TRUE(a->started_at);
    EXPECT_EQ(a->started_at->ms, kStart.ms + kShanghai + 5 * kMsPerHour);
    // creation_time is UTC whatever the zone.
    auto v = utc.probe(video());
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(v->started_at->ms / 1000, kStart.ms / 1000);
}

TEST_F(MediaProbeTest, ExifOffsetTimeOriginalOverridesTheZone) {
    run_exiftool({"-OffsetTimeOriginal=+09:00"}, photo());
    MediaInfo m = probe_ok(photo());
    ASSERT_TRUE(m.started_at);
    EXPECT_EQ(m.started_at->ms, kStart.ms - kMsPerHour);  // 07:30:05 at +09:00
}

TEST_F(MediaProbeTest, ExifDateTimeWhenThereIsNoDateTimeOriginal) {
    run_exiftool({"-DateTimeOriginal=", "-ModifyDate=2026:11:30 08:00:00"}, photo());
    MediaInfo m = probe_ok(photo());
    ASSERT_TRUE(m.started_at);
    EXPECT_EQ(m.started_at->ms, 1795996800000);
}

TEST_F(MediaProbeTest, FilesThatStateNoStartHaveNone) {
    const fs::path jpg = tmp_.path() / "PLAIN.JPG", wav = tmp_.path() / "PLAIN.WAV", mp4 = tmp_.path() / "PLAIN.MP4";
    make_with_ffmpeg({"-f", "lavfi", "-i", "testsrc=size=320x240", "-frames:v", "1"}, jpg);
    make_with_ffmpeg({"-f", "lavfi", "-i", "sine=duration=1"}, wav);
    make_with_ffmpeg({"-f", "lavfi", "-i", "testsrc=duration=1:size=160x120:rate=10", "-c:v", "mpeg4"}, mp4);
    MediaInfo j = probe_ok(jpg.string());
    EXPECT_EQ(j.kind, MediaKind::Photo);
    EXPECT_EQ(j.width, 320);
    EXPECT_EQ(j.height, 240);
    EXPECT_FALSE(j.started_at);
    MediaInfo w = probe_ok(wav.string());
    EXPECT_EQ(w.kind, MediaKind::Audio);
    EXPECT_FALSE(w.started_at);
    MediaInfo v = probe_ok(mp4.string());
    EXPECT_EQ(v.kind, MediaKind::Video);
    EXPECT_FALSE(v.started_at);
}

TEST_F(MediaProbeTest, H264Video) {
    const fs::path p = tmp_.path() / "H264.MP4";
    make_with_ffmpeg({"-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=10", "-c:v", "libx264", "-preset",
                      "ultrafast", "-pix_fmt", "yuv420p", "-metadata", "creation_time=2026-11-30T08:15:02.000000Z"},
                     p);
    MediaInfo m = probe_ok(p.string());
    EXPECT_EQ(m.kind, MediaKind::Video);
    EXPECT_EQ(m.codec, "h264");
    EXPECT_EQ(m.width, 320);
    EXPECT_EQ(m.height, 240);
    ASSERT_TRUE(m.duration_ms);
    EXPECT_NEAR(static_cast<double>(*m.duration_ms), 2000.0, kLengthSlackMs);
    ASSERT_TRUE(m.started_at);
    EXPECT_EQ(m.started_at->ms, 1796026502000);
}

TEST_F(MediaProbeTest, ClipsOfChosenLengthAndStart) {
    const Timestamp later{kStart.ms + 90 * kMsPerSecond};
    auto mp4 = camera_.record_video("DCIM/100MEDIA/VID0002.MP4", later, 2.5);
    auto mkv = camera_.record_video("DCIM/100MEDIA/VID0003.MKV", kStart, 3);
    MediaInfo a = probe_ok(mp4.string());
    ASSERT_TRUE(a.duration_ms && a.started_at);
    EXPECT_NEAR(static_cast<double>(*a.duration_ms), 2500.0, kLengthSlackMs);
    EXPECT_EQ(a.started_at->ms, later.ms);
    MediaInfo b = probe_ok(mkv.string());
    EXPECT_EQ(b.kind, MediaKind::Video);
    EXPECT_EQ(b.container, "matroska,webm");
    ASSERT_TRUE(b.duration_ms && b.started_at);
    EXPECT_NEAR(static_cast<double>(*b.duration_ms), 3000.0, kLengthSlackMs);
    EXPECT_EQ(b.started_at->ms, kStart.ms);
}

TEST_F(MediaProbeTest, APercentSignInTheNameIsOneFile) {
    // libavformat's image demuxer would otherwise read "%03d" as a numbered sequence.
    const fs::path odd = tmp_.path() / "IMG%03d.JPG";
    fs::copy_file(photo(), odd);
    MediaInfo p = probe_ok(odd.string());
    EXPECT_EQ(p.kind, MediaKind::Photo);
    EXPECT_EQ(p.started_at, std::optional<Timestamp>(kStart));
}

TEST_F(MediaProbeTest, ProbesFromFourThreadsAgree) {
    const std::vector<std::string> files = {video(), audio(), photo()};
    std::vector<std::string> expected;
    for (const auto& f : files) expected.push_back(describe(probe_ok(f)));

    constexpr int kThreads = 4, kRounds = 15;
    std::vector<std::vector<std::string>> seen(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < kRounds; ++round)
                for (std::size_t i = 0; i < files.size(); ++i) {
                    // One shared probe, each thread starting at a different file.
                    const auto& f = files[(i + static_cast<std::size_t>(t)) % files.size()];
                    auto r = probe_.probe(f);
                    seen[static_cast<std::size_t>(t)].push_back(r.ok() ? f + " " + describe(*r) : f + " failed");
                }
        });
    for (auto& th : threads) th.join();
    for (int t = 0; t < kThreads; ++t) {
        ASSERT_EQ(seen[static_cast<std::size_t>(t)].size(), static_cast<std::size_t>(kRounds) * files.size());
        for (std::size_t k = 0; k < seen[static_cast<std::size_t>(t)].size(); ++k) {
            const std::size_t i = (k % files.size() + static_cast<std::size_t>(t)) % files.size();
            EXPECT_EQ(seen[static_cast<std::size_t>(t)][k], files[i] + " " + expected[i]) << "thread " << t;
        }
    }
}

TEST(FileMediaProbe, AnUnknownZoneIsAProgrammingError) {
    EXPECT_THROW(FileMediaProbe("Nowhere/City"), std::invalid_argument);
    EXPECT_THROW(FileMediaProbe(""), std::invalid_argument);
}

}  // namespace
}  // namespace custody::media
