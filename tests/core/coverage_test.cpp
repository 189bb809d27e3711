// R12, R13: how much of a custody interval the recordings cover, and the gaps.
#include <gtest/gtest.h>

#include "kiosk/core/coverage.h"

namespace custody {
namespace {

constexpr std::int64_t kMin = 60 * kMsPerSecond;

TimeSpan minutes(std::int64_t from, std::int64_t to) { return {Timestamp{from * kMin}, Timestamp{to * kMin}}; }

TEST(Coverage, OverlappingRecordingsCountOnceAndGapsAreListedInOrder_R13) {
    auto c = coverage(minutes(0, 100), {minutes(50, 60), minutes(10, 20), minutes(15, 30), minutes(55, 70)});
    EXPECT_EQ(c.recorded_ms, (20 + 20) * kMin);
    ASSERT_EQ(c.gaps.size(), 3u);
    EXPECT_EQ(c.gaps[0].from.ms, 0);
    EXPECT_EQ(c.gaps[0].to.ms, 10 * kMin);
    EXPECT_EQ(c.gaps[1].from.ms, 30 * kMin);
    EXPECT_EQ(c.gaps[1].to.ms, 50 * kMin);
    EXPECT_EQ(c.gaps[2].from.ms, 70 * kMin);
    EXPECT_EQ(c.gaps[2].to.ms, 100 * kMin);
    EXPECT_EQ(c.longest_gap_ms(), 30 * kMin);
    EXPECT_EQ(c.permille(), 400);
}

TEST(Coverage, RecordingsOutsideCustodyAreClipped) {
    auto c = coverage(minutes(10, 20), {minutes(0, 12), minutes(18, 40), minutes(50, 60)});
    EXPECT_EQ(c.recorded_ms, 4 * kMin);
    ASSERT_EQ(c.gaps.size(), 1u);
    EXPECT_EQ(c.gaps[0].from.ms, 12 * kMin);
    EXPECT_EQ(c.gaps[0].to.ms, 18 * kMin);
}

TEST(Coverage, NoRecordingIsOneGapAsLongAsCustody) {
    auto c = coverage(minutes(0, 480), {});
    EXPECT_EQ(c.recorded_ms, 0);
    ASSERT_EQ(c.gaps.size(), 1u);
    EXPECT_EQ(c.longest_gap_ms(), 480 * kMin);
    EXPECT_EQ(c.permille(), 0);
}

TEST(Coverage, FullyRecordedHasNoGap) {
    auto c = coverage(minutes(0, 60), {minutes(0, 30), minutes(30, 60)});
    EXPECT_TRUE(c.gaps.empty());
    EXPECT_EQ(c.permille(), 1000);
}

TEST(Coverage, OnlyVideoAndAudioWithStartAndLengthCount) {
    Recording video;
    video.media.kind = MediaKind::Video;
    video.media.duration_ms = 5 * kMin;
    video.corrected_start = Timestamp{10 * kMin};
    Recording photo = video;
    photo.media.kind = MediaKind::Photo;
    Recording unreadable;
    unreadable.media.probe_error = "not a media file";
    Recording no_start = video;
    no_start.corrected_start.reset();
    auto spans = recorded_spans({video, photo, unreadable, no_start});
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_EQ(spans[0].from.ms, 10 * kMin);
    EXPECT_EQ(spans[0].to.ms, 15 * kMin);
}

}  // namespace
}  // namespace custody
