// A docked camera's footage reaches the archive whole, verified and indexed before the
// camera is wiped (R12, R14, R15, R16, R21), and the custody interval's coverage is
// measured (R13).
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "db/audit_verifier.h"
#include "kiosk/core/agency_time.h"
#include "tests/offload/offload_fixture.h"

namespace custody::test {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kMinute = 60 * kMsPerSecond;

// Whole seconds, as the files state their times.
Timestamp seconds_ago(std::int64_t s) { return Timestamp{(SystemClock().now().ms / 1000 - s) * 1000}; }

using OffloadFlow = OffloadFixture;

TEST_F(OffloadFlow, EveryRecordingIsArchivedVerifiedAndOnlyThenWiped_R12_R15) {
    const Timestamp out = seconds_ago(2 * 3600), back = seconds_ago(0);
    const Id ret = shift_on_slot_1(out, back);
    camera(1).record_media_at(Timestamp{out.ms + 10 * kMinute});
    std::map<std::string, std::string> original;
    for (const auto& f : on_camera(1)) original[f] = sha256_of(camera(1).volume() / f);
    ASSERT_EQ(original.size(), 3u);

    auto o = offload(1, request(1, ret));
    ASSERT_TRUE(o.ok()) << log_line(o.error());
    EXPECT_EQ(o->job.state, OffloadJobState::Complete);
    EXPECT_FALSE(o->resumed);
    EXPECT_TRUE(on_camera(1).empty());
    EXPECT_EQ(store_.device(kCam1).status, DeviceStatus::InService);

    auto rows = recordings();
    ASSERT_EQ(rows.size(), 3u);
    for (const auto& r : rows) {
        SCOPED_TRACE(r.source_path);
        EXPECT_EQ(r.state, RecordingState::Wiped);
        EXPECT_EQ(r.sha256, original.at(r.source_path));
        const fs::path archived = fs::path(archive_root_) / r.archive_path;
        EXPECT_EQ(sha256_of(archived), r.sha256);
        EXPECT_EQ(fs::status(archived).permissions() & fs::perms::all,
                  fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
        EXPECT_EQ(r.archive_path, o->job.archive_dir + "/" + r.source_path);
    }
    // The folder a custodian finds without the program, checked with coreutils alone.
    const std::string day = format_local_date(o->job.started_at);
    EXPECT_EQ(o->job.archive_dir, day.substr(0, 4) + "/" + day.substr(5, 2) + "/" + day.substr(8, 2) + "/" + kCam1 +
                                      "/" + std::to_string(o->job.id));
    auto check = run_command({"sh", "-c", "cd '" + archive_root_ + "/" + o->job.archive_dir + "' && sha256sum -c SHA256SUMS"});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    EXPECT_EQ(std::count(check.out.begin(), check.out.end(), '\n'), 3) << check.out;
    for (const auto& f : in_archive()) EXPECT_EQ(f.find(".part"), std::string::npos) << f;
}

TEST_F(OffloadFlow, MetadataComesFromTheFilesThemselves_R21) {
    const Timestamp out = seconds_ago(2 * 3600), back = seconds_ago(0);
    const Id ret = shift_on_slot_1(out, back);
    const Timestamp start{out.ms + 10 * kMinute};
    camera(1).record_media_at(start);
    auto o = offload(1, request(1, ret));
    ASSERT_TRUE(o.ok()) << log_line(o.error());
    std::map<MediaKind, Recording> by_kind;
    for (const auto& r : recordings()) by_kind[r.media.kind] = r;
    ASSERT_EQ(by_kind.size(), 3u);
    const auto& video = by_kind[MediaKind::Video];
    EXPECT_EQ(video.media.codec, "mpeg4");
    EXPECT_EQ(video.media.width, 160);
    EXPECT_EQ(video.media.height, 120);
    ASSERT_TRUE(video.media.duration_ms.has_value());
    EXPECT_NEAR(static_cast<double>(*video.media.duration_ms), 1000.0, 100.0);
    for (auto kind : {MediaKind::Video, MediaKind::Audio, MediaKind::Photo}) {
        SCOPED_TRACE(std::string(named(kMediaKinds, kind).code));
        ASSERT_TRUE(by_kind[kind].corrected_start.has_value());
        EXPECT_EQ(by_kind[kind].corrected_start->ms, start.ms);
    }
    EXPECT_FALSE(by_kind[MediaKind::Photo].media.duration_ms.has_value());
}

TEST_F(OffloadFlow, TheClockOffsetMeasuredAtDockingCorrectsStartTimes_R21) {
    const Timestamp out = seconds_ago(2 * 3600), back = seconds_ago(0);
    const Id ret = shift_on_slot_1(out, back);
    const Timestamp truly{out.ms + 30 * kMinute};
    // The camera ran 2 minutes fast all shift, so its files say 2 minutes late.
    camera(1).record_video("DCIM/100MEDIA/VID0001.MP4", Timestamp{truly.ms + 2 * kMinute}, 1);
    auto r = request(1, ret);
    r.clock_offset_ms = 2 * kMinute;
    auto o = offload(1, r);
    ASSERT_TRUE(o.ok()) << log_line(o.error());
    ASSERT_EQ(o->recordings.size(), 1u);
    EXPECT_EQ(o->job.clock_offset_ms, 2 * kMinute);
    ASSERT_TRUE(o->recordings[0].media.started_at.has_value());
    EXPECT_EQ(o->recordings[0].media.started_at->ms, truly.ms + 2 * kMinute);  // as the file says
    EXPECT_EQ(o->recordings[0].corrected_start->ms, truly.ms);
}

TEST_F(OffloadFlow, WithoutAMeasuredOffsetTheCameraClockIsReadBeforeAnythingSetsIt) {
    const Timestamp out = seconds_ago(2 * 3600), back = seconds_ago(0);
    const Id ret = shift_on_slot_1(out, back);
    camera(1).set("clock_offset_s", "300");
    camera(1).record_video("DCIM/100MEDIA/VID0001.MP4", out, 1);
    auto r = request(1, ret);
    r.clock_offset_ms.reset();
    store_.clock().set(SystemClock().now());
    auto o = offload(1, r);
    ASSERT_TRUE(o.ok()) << log_line(o.error());
    ASSERT_TRUE(o->job.clock_offset_ms.has_value());
    // The simulator's clock has whole seconds; the store's clock was read a moment apart.
    EXPECT_NEAR(static_cast<double>(*o->job.clock_offset_ms), 300000.0, 2000.0);
}

TEST_F(OffloadFlow, GapsLongerThanTheProfileAllowsAskForAnInterruptionRecord_R13) {
    const Timestamp out = seconds_ago(180), back = seconds_ago(0);
    store_.set_profile("coverage_gap_minutes", "1");
    const Id ret = shift_on_slot_1(out, back);
    camera(1).record_video("DCIM/100MEDIA/VID0001.MP4", out, 20);
    camera(1).record_video("DCIM/100MEDIA/VID0002.MP4", Timestamp{out.ms + 150 * kMsPerSecond}, 20);
    auto o = offload(1, request(1, ret));
    ASSERT_TRUE(o.ok()) << log_line(o.error());
    ASSERT_TRUE(o->coverage.has_value());
    EXPECT_EQ(o->job.custody_ms, 180 * kMsPerSecond);
    EXPECT_EQ(o->job.recorded_ms, 40 * kMsPerSecond);
    EXPECT_EQ(o->job.longest_gap_ms, 130 * kMsPerSecond);
    EXPECT_TRUE(o->job.interruption_record_needed);
    ASSERT_EQ(o->coverage->gaps.size(), 2u);
    EXPECT_EQ(o->coverage->gaps[0].from.ms, out.ms + 20 * kMsPerSecond);
    EXPECT_EQ(o->coverage->gaps[0].to.ms, out.ms + 150 * kMsPerSecond);
    // As stored, for the report and the kiosk screen.
    EXPECT_TRUE(jobs().back().interruption_record_needed);
}

TEST_F(OffloadFlow, GapsWithinTheProfileNeedNoInterruptionRecord_R13) {
    const Timestamp out = seconds_ago(180), back = seconds_ago(0);
    store_.set_profile("coverage_gap_minutes", "5");
    const Id ret = shift_on_slot_1(out, back);
    camera(1).record_video("DCIM/100MEDIA/VID0001.MP4", out, 20);
    auto o = offload(1, request(1, ret));
    ASSERT_TRUE(o.ok()) << log_line(o.error());
    EXPECT_EQ(o->job.longest_gap_ms, 160 * kMsPerSecond);
    EXPECT_FALSE(o->job.interruption_record_needed);
}

TEST_F(OffloadFlow, AnEmptyCameraCompletesWithNothingToArchive) {
    const Id ret = shift_on_slot_1(seconds_ago(3600), seconds_ago(0));
    auto o = offload(1, request(1, ret));
    ASSERT_TRUE(o.ok()) << log_line(o.error());
    EXPECT_TRUE(o->recordings.empty());
    EXPECT_EQ(o->job.state, OffloadJobState::Complete);
    // The whole hour unrecorded: over any threshold the profile allows by default.
    EXPECT_TRUE(o->job.interruption_record_needed);
    EXPECT_EQ(store_.device(kCam1).status, DeviceStatus::InService);
}

TEST_F(OffloadFlow, EachDockingIsItsOwnJobInItsOwnFolder) {
    const Id first = shift_on_slot_1(seconds_ago(7200), seconds_ago(3600));
    camera(1).record_video("DCIM/100MEDIA/VID0001.MP4", seconds_ago(5000), 1);
    auto a = offload(1, request(1, first));
    ASSERT_TRUE(a.ok()) << log_line(a.error());
    const Id second = shift_on_slot_1(seconds_ago(1800), seconds_ago(0));
    // The camera reuses the file name after the wipe, as real ones do.
    camera(1).record_video("DCIM/100MEDIA/VID0001.MP4", seconds_ago(1000), 1);
    auto b = offload(1, request(1, second));
    ASSERT_TRUE(b.ok()) << log_line(b.error());
    EXPECT_NE(a->job.id, b->job.id);
    EXPECT_NE(a->job.archive_dir, b->job.archive_dir);
    EXPECT_EQ(recordings().size(), 2u);
    EXPECT_NE(recordings()[0].sha256, recordings()[1].sha256);
}

TEST_F(OffloadFlow, ADeviceThatIsNotDockedIsRefusedAndNothingIsCopied) {
    camera(1).record_video("DCIM/100MEDIA/VID0001.MP4", seconds_ago(100), 1);
    const auto seq = store_.last_audit_seq();
    auto o = offload(1);  // DSJ0001 is in service: it was never returned
    ASSERT_FALSE(o.ok());
    EXPECT_EQ(o.error().id, MessageId::DeviceNotDocked);
    EXPECT_EQ(on_camera(1).size(), 1u);
    EXPECT_EQ(store_.count("offload_jobs"), 0);
    auto audit = store_.audit_after(seq);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "offload_refused");
}

TEST_F(OffloadFlow, TheAuditShowsEveryCommitBeforeTheFirstWipeAndTheChainVerifies_R15) {
    const Id ret = shift_on_slot_1(seconds_ago(7200), seconds_ago(0));
    camera(1).record_media_at(seconds_ago(3600));
    const auto seq = store_.last_audit_seq();
    auto o = offload(1, request(1, ret));
    ASSERT_TRUE(o.ok()) << log_line(o.error());
    std::vector<std::string> actions;
    for (const auto& a : store_.audit_after(seq)) actions.push_back(a.action);
    auto first_wipe = std::find(actions.begin(), actions.end(), "recording_wiped");
    auto last_commit = std::find(actions.rbegin(), actions.rend(), "recording_committed");
    ASSERT_NE(first_wipe, actions.end());
    ASSERT_NE(last_commit, actions.rend());
    EXPECT_LT(std::distance(actions.begin(), last_commit.base()), std::distance(actions.begin(), first_wipe) + 1);
    EXPECT_EQ(std::count(actions.begin(), actions.end(), "recording_verified"), 3);
    EXPECT_EQ(std::count(actions.begin(), actions.end(), "recording_wiped"), 3);
    EXPECT_EQ(actions.back(), "offload_complete");
    auto verified = db::verify_audit(store_.store().connection(), store_.key(), store_.anchor_path());
    ASSERT_TRUE(verified.ok()) << log_line(verified.error());
    EXPECT_TRUE(verified->intact());
}

}  // namespace
}  // namespace custody::test
