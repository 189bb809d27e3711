// What the offload survives (R12, R15): a file that vanishes or changes mid-copy, a
// camera unplugged mid-offload, a wipe that fails, an archive disk that fills up. Each
// stops the job with its reason recorded, wipes nothing that is not committed, and a
// later run completes from where it stopped without copying anything twice.
#include <gtest/gtest.h>

#include <fstream>

#include "tests/archive/scratch_mount.h"
#include "tests/offload/offload_fixture.h"

namespace custody::test {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMiB = 1024 * 1024;

class OffloadFaults : public OffloadFixture {
protected:
    void SetUp() override {
        OffloadFixture::SetUp();
        ret_ = shift_on_slot_1(Timestamp{SystemClock().now().ms - 3600 * kMsPerSecond}, SystemClock().now());
    }
    // Several blocks long, so the copy reports progress before it ends.
    void big_and_small() {
        write_noise(camera(1).volume() / "DCIM/100MEDIA/BIG.MP4", 12 * kMiB, 1);
        write_noise(camera(1).volume() / "DCIM/100MEDIA/SMALL.MP4", 64 * 1024, 2);
    }
    // Runs `fault` once, the first time the named file is part-way through its copy.
    OffloadProgressFn during_copy_of(const std::string& file, std::function<void()> fault) {
        return [this, file, fault](const OffloadProgress& p) {
            if (!fired_ && p.phase == OffloadPhase::Copying && p.current_file == file && p.bytes_done > 0) {
                fired_ = true;
                fault();
            }
        };
    }
    void expect_failed_with(const Result<OffloadOutcome>& o, MessageId cause, const std::string& reason_en) {
        ASSERT_FALSE(o.ok());
        EXPECT_EQ(o.error().id, MessageId::OffloadFailed);
        ASSERT_TRUE(o.error().cause) << log_line(o.error());
        EXPECT_EQ(o.error().cause->id, cause) << log_line(o.error());
        auto j = jobs();
        ASSERT_EQ(j.size(), 1u);
        EXPECT_EQ(j[0].state, OffloadJobState::Failed);
        EXPECT_NE(j[0].failure_en.find(reason_en), std::string::npos) << j[0].failure_en;
        EXPECT_FALSE(j[0].failure_zh.empty());
        EXPECT_EQ(store_.device(kCam1).status, DeviceStatus::Docked);  // not back in service
        for (const auto& r : recordings()) EXPECT_NE(r.state, RecordingState::Wiped) << r.source_path;
        for (const auto& f : in_archive()) EXPECT_EQ(f.find(".part"), std::string::npos) << f;
    }
    const std::string kBig = "DCIM/100MEDIA/BIG.MP4";
    Id ret_ = 0;
    bool fired_ = false;
};

TEST_F(OffloadFaults, AFileThatVanishesMidCopyFailsTheJobAndNothingIsWiped_R15) {
    big_and_small();
    auto o = offload(1, request(1, ret_), during_copy_of(kBig, [&] { fs::remove(camera(1).volume() / kBig); }));
    expect_failed_with(o, MessageId::SourceVanished, "vanished");
    EXPECT_EQ(on_camera(1), std::vector<std::string>{"DCIM/100MEDIA/SMALL.MP4"});
    // The camera lost it, not the kiosk: a later run says so and still wipes nothing.
    auto again = offload(1, request(1, ret_));
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().cause->id, MessageId::RecordingGoneBeforeArchive);
    EXPECT_EQ(on_camera(1), std::vector<std::string>{"DCIM/100MEDIA/SMALL.MP4"});
}

TEST_F(OffloadFaults, AFileThatChangesMidCopyFailsTheJobAndNothingIsWiped_R12) {
    big_and_small();
    auto o = offload(1, request(1, ret_), during_copy_of(kBig, [&] {
                         std::ofstream(camera(1).volume() / kBig, std::ios::app | std::ios::binary) << "more";
                     }));
    expect_failed_with(o, MessageId::SourceChanged, "changed");
    EXPECT_EQ(on_camera(1).size(), 2u);
}

TEST_F(OffloadFaults, ACameraUnpluggedMidOffloadKeepsEverythingAndResumesOnceBack) {
    big_and_small();
    const fs::path volume = camera(1).volume(), away = camera(1).dir() / "volume.unplugged";
    auto o = offload(1, request(1, ret_), during_copy_of(kBig, [&] {
                         camera(1).set("fault_unplugged", "1");
                         fs::rename(volume, away);
                     }));
    ASSERT_FALSE(o.ok());
    EXPECT_EQ(o.error().id, MessageId::OffloadFailed) << log_line(o.error());
    EXPECT_EQ(jobs().at(0).state, OffloadJobState::Failed);
    for (const auto& r : recordings()) EXPECT_NE(r.state, RecordingState::Wiped);
    EXPECT_TRUE(fs::exists(away / kBig));
    EXPECT_TRUE(fs::exists(away / "DCIM/100MEDIA/SMALL.MP4"));

    fs::rename(away, volume);
    camera(1).set("fault_unplugged", "0");
    auto back = offload(1, request(1, ret_));
    ASSERT_TRUE(back.ok()) << log_line(back.error());
    EXPECT_TRUE(back->resumed);
    EXPECT_EQ(back->job.attempts, 2);
    EXPECT_EQ(recordings().size(), 2u);
    std::vector<std::string> expected{back->job.archive_dir + "/" + kBig,
                                      back->job.archive_dir + "/DCIM/100MEDIA/SMALL.MP4",
                                      back->job.archive_dir + "/SHA256SUMS"};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(in_archive(), expected);  // each once, nothing left over
    EXPECT_TRUE(on_camera(1).empty());
}

TEST_F(OffloadFaults, ACameraPulledAsTheWipeBeginsKeepsItsCommittedFootageUntilARetry_R15) {
    big_and_small();
    const fs::path volume = camera(1).volume(), away = camera(1).dir() / "volume.unplugged";
    bool faulted = false;
    // Pulled out just as the wipe begins: everything is archived, nothing deleted yet.
    auto o = offload(1, request(1, ret_), [&](const OffloadProgress& p) {
        if (p.phase == OffloadPhase::Wiping && !faulted) {
            faulted = true;
            fs::rename(volume, away);
        }
    });
    ASSERT_FALSE(o.ok());
    EXPECT_EQ(jobs().at(0).state, OffloadJobState::Failed);
    for (const auto& r : recordings()) EXPECT_EQ(r.state, RecordingState::Committed) << r.source_path;
    fs::rename(away, volume);
    EXPECT_EQ(on_camera(1).size(), 2u);
    auto retry = offload(1, request(1, ret_));
    ASSERT_TRUE(retry.ok()) << log_line(retry.error());
    for (const auto& r : recordings()) EXPECT_EQ(r.state, RecordingState::Wiped);
    EXPECT_TRUE(on_camera(1).empty());
}

class ArchiveFullTest : public OffloadFaults {
protected:
    void mount(const std::string& size) {
        std::string why;
        scratch_ = ScratchMount::tmpfs(archive_dir_.path() / "small", "size=" + size, why);
        ASSERT_TRUE(scratch_) << "cannot mount a tmpfs for the archive-full test: " << why;
        auto a = archive::DiskArchive::open(scratch_->path().string());
        ASSERT_TRUE(a.ok()) << log_line(a.error());
        small_ = std::move(*a);
        small_offload_ = std::make_unique<FootageOffload>(store_.store(), store_.clock(), *small_, *probe_);
    }
    Result<OffloadOutcome> run(const OffloadProgressFn& progress = {}) {
        auto cam = link_->open(1);
        if (!cam) return fail(cam.error());
        return small_offload_->run(**cam, request(1, ret_), progress);
    }
    std::vector<std::string> small_files() {
        std::vector<std::string> out;
        for (const auto& e : fs::recursive_directory_iterator(scratch_->path()))
            if (e.is_regular_file()) out.push_back(fs::relative(e.path(), scratch_->path()).string());
        return out;
    }
    std::unique_ptr<ScratchMount> scratch_;
    std::unique_ptr<archive::DiskArchive> small_;
    std::unique_ptr<FootageOffload> small_offload_;
};

TEST_F(ArchiveFullTest, TooLittleSpaceStopsTheJobBeforeCopyingAndItResumesWhenSpaceReturns) {
    mount("2m");
    for (unsigned i = 0; i < 3; ++i)
        write_noise(camera(1).volume() / ("DCIM/100MEDIA/VID000" + std::to_string(i) + ".MP4"), 1 * kMiB, i);
    auto o = run();
    expect_failed_with(o, MessageId::ArchiveFull, "archive full: ");
    EXPECT_NE(render(o.error(), Lang::En).find("MB needed"), std::string::npos) << render(o.error(), Lang::En);
    EXPECT_NE(render(o.error(), Lang::Zh).find("存档盘空间不足"), std::string::npos);
    EXPECT_EQ(on_camera(1).size(), 3u);
    EXPECT_TRUE(small_files().empty());

    auto grown = run_command({"mount", "-o", "remount,size=16m", scratch_->path().string()});
    ASSERT_EQ(grown.exit_code, 0) << grown.err;
    auto again = run();
    ASSERT_TRUE(again.ok()) << log_line(again.error());
    EXPECT_EQ(again->job.attempts, 2);
    EXPECT_EQ(again->recordings.size(), 3u);
    EXPECT_TRUE(on_camera(1).empty());
}

TEST_F(ArchiveFullTest, ADiskThatFillsMidCopyStopsTheJobAndLeavesNothingHalfWritten) {
    mount("8m");
    write_noise(camera(1).volume() / "DCIM/100MEDIA/VID0001.MP4", 3 * kMiB, 1);
    write_noise(camera(1).volume() / "DCIM/100MEDIA/VID0002.MP4", 2 * kMiB, 2);
    const fs::path filler = scratch_->path() / "filler";
    // Something else on the same disk takes the space the offload counted on.
    auto o = run(during_copy_of("DCIM/100MEDIA/VID0001.MP4", [&] {
        auto r = run_command({"sh", "-c", "head -c 7M /dev/zero > '" + filler.string() + "'; true"});
        (void)r;
    }));
    expect_failed_with(o, MessageId::ArchiveFull, "archive full: ");
    EXPECT_EQ(on_camera(1).size(), 2u);
    // Whatever is in the archive besides the filler is a whole copy the database holds
    // as verified: the copy that met the full disk left nothing behind.
    std::map<std::string, Recording> held;
    for (const auto& r : recordings())
        if (!r.archive_path.empty()) held[r.archive_path] = r;
    for (const auto& f : small_files()) {
        if (f == "filler") continue;
        ASSERT_TRUE(held.count(f)) << f << " is in the archive but not verified in the database";
        EXPECT_EQ(held[f].state, RecordingState::Verified);
        EXPECT_EQ(sha256_of(scratch_->path() / f), held[f].sha256);
    }
    EXPECT_LT(held.size(), 2u);

    fs::remove(filler);
    auto again = run();
    ASSERT_TRUE(again.ok()) << log_line(again.error());
    EXPECT_EQ(again->recordings.size(), 2u);
    EXPECT_TRUE(on_camera(1).empty());
}

}  // namespace
}  // namespace custody::test
