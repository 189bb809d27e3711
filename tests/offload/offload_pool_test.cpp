// Several docked cameras offload at once through a bounded pool; each slot's progress
// is published for the screen (R14).
#include <gtest/gtest.h>

#include "kiosk/core/checkout.h"
#include "kiosk/core/custody_return.h"
#include "kiosk/core/offload_pool.h"
#include "tests/offload/offload_fixture.h"

namespace custody::test {
namespace {

using OffloadPoolTest = OffloadFixture;

TEST_F(OffloadPoolTest, ThreeSlotsThroughTwoWorkersAllCompleteAndReportTheirProgress) {
    store_.make_all_ready();
    const std::pair<const char*, const char*> takes[] = {{agency::kZhangBadge, kCam1}, {agency::kLiBadge, kCam2},
                                                         {agency::kLiuBadge, kCam3}};
    for (auto [badge, serial] : takes) {
        auto g = Checkout(store_.store(), store_.clock()).run({badge, std::nullopt, std::string(serial)});
        ASSERT_TRUE(g.ok()) << log_line(g.error());
    }
    OffloadBoard board;
    {
        OffloadPool pool(*offload_, *link_, board, 2);
        for (int slot = 1; slot <= 3; ++slot) {
            auto ret = Return(store_.store(), store_.clock()).run({takes[slot - 1].second, slot, "kiosk"});
            ASSERT_TRUE(ret.ok()) << log_line(ret.error());
            write_noise(camera(slot).volume() / "DCIM/100MEDIA/VID0001.MP4", 3 * 1024 * 1024, static_cast<unsigned>(slot));
            camera(slot).record_video("DCIM/100MEDIA/VID0002.MP4", store_.clock().now(), 1);
            ASSERT_TRUE(pool.submit(request(slot, ret->entry_id)));
        }
        pool.wait_idle();
        auto results = pool.take_results();
        ASSERT_EQ(results.size(), 3u);
        for (const auto& r : results) EXPECT_TRUE(r.outcome.ok()) << r.slot << ": " << log_line(r.outcome.error());
        EXPECT_GE(pool.busiest(), 1);
        EXPECT_LE(pool.busiest(), 2);
    }
    auto shown = board.snapshot();
    ASSERT_EQ(shown.size(), 3u);
    for (const auto& [slot, p] : shown) {
        SCOPED_TRACE(slot);
        EXPECT_EQ(p.phase, OffloadPhase::Done);
        EXPECT_EQ(p.files_done, 2);
        EXPECT_GT(p.bytes_total, 3 * 1024 * 1024);
        EXPECT_EQ(p.bytes_done, p.bytes_total);
        EXPECT_EQ(p.device_serial, takes[slot - 1].second);
    }
    for (const char* serial : {kCam1, kCam2, kCam3}) EXPECT_EQ(store_.device(serial).status, DeviceStatus::InService);
    EXPECT_EQ(recordings().size(), 6u);
}

TEST_F(OffloadPoolTest, ProgressWhileCopyingCountsBytesUpToTheTotal) {
    const Id ret = [&] {
        store_.make_all_ready();
        auto g = Checkout(store_.store(), store_.clock()).run({agency::kZhangBadge, std::nullopt, std::string(kCam1)});
        if (!g) throw std::runtime_error(log_line(g.error()));
        auto r = Return(store_.store(), store_.clock()).run({kCam1, 1, "kiosk"});
        if (!r) throw std::runtime_error(log_line(r.error()));
        return r->entry_id;
    }();
    write_noise(camera(1).volume() / "A.MP4", 9 * 1024 * 1024, 7);
    std::vector<OffloadProgress> seen;
    auto o = offload(1, request(1, ret), [&](const OffloadProgress& p) { seen.push_back(p); });
    ASSERT_TRUE(o.ok()) << log_line(o.error());
    std::vector<std::int64_t> copying;
    for (const auto& p : seen)
        if (p.phase == OffloadPhase::Copying) copying.push_back(p.bytes_done);
    ASSERT_GE(copying.size(), 2u);  // several blocks, several reports
    EXPECT_TRUE(std::is_sorted(copying.begin(), copying.end()));
    EXPECT_EQ(seen.back().phase, OffloadPhase::Done);
    EXPECT_EQ(seen.back().bytes_done, 9 * 1024 * 1024);
    EXPECT_EQ(seen.back().files_total, 1);
}

}  // namespace
}  // namespace custody::test
