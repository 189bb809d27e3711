#include "hardware/nfc/pn532_frame.h"

#include <gtest/gtest.h>

#include <vector>

namespace custody::nfc {
namespace {

using Bytes = std::vector<std::uint8_t>;

// GetFirmwareVersion as libnfc sends it, byte for byte.
const Bytes kGetFirmwareVersion{0x00, 0x00, 0xFF, 0x02, 0xFE, 0xD4, 0x02, 0x2A, 0x00};

FrameRejection rejection(const Bytes& b) {
    auto r = parse_host_frame(b);
    EXPECT_FALSE(r.ok());
    return r.ok() ? FrameRejection::Truncated : r.error().reason;
}

TEST(Pn532Frame, ParsesAHostCommand) {
    auto r = parse_host_frame(kGetFirmwareVersion);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->kind, FrameKind::Information);
    EXPECT_EQ(r->tfi, kTfiHostToChip);
    EXPECT_EQ(r->data, Bytes{0x02});
    EXPECT_EQ(r->consumed, kGetFirmwareVersion.size());
}

TEST(Pn532Frame, SkipsTheWakeUpPreamble) {
    Bytes b{0x55, 0x55, 0x00, 0x00, 0x00, 0x00};
    b.insert(b.end(), kGetFirmwareVersion.begin(), kGetFirmwareVersion.end());
    auto r = parse_host_frame(b);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->data, Bytes{0x02});
    EXPECT_EQ(r->consumed, b.size());
}

TEST(Pn532Frame, AcceptsAFrameWithoutPostamble) {
    Bytes b(kGetFirmwareVersion.begin(), kGetFirmwareVersion.end() - 1);
    auto r = parse_host_frame(b);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->consumed, b.size());
}

TEST(Pn532Frame, ParsesAckAndNack) {
    auto ack = parse_frame(build_ack());
    ASSERT_TRUE(ack.ok());
    EXPECT_EQ(ack->kind, FrameKind::Ack);
    EXPECT_EQ(ack->consumed, 6u);
    auto nack = parse_frame(build_nack());
    ASSERT_TRUE(nack.ok());
    EXPECT_EQ(nack->kind, FrameKind::Nack);
}

TEST(Pn532Frame, ParsesTheChipsSyntaxErrorFrame) {
    auto r = parse_frame(build_syntax_error());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->kind, FrameKind::ApplicationError);
    EXPECT_EQ(rejection(build_syntax_error()), FrameRejection::WrongTfi);
}

TEST(Pn532Frame, BuildsTheFirmwareVersionResponse) {
    const Bytes payload{0x32, 0x01, 0x06, 0x07};
    EXPECT_EQ(build_response(0x02, payload),
              (Bytes{0x00, 0x00, 0xFF, 0x06, 0xFA, 0xD5, 0x03, 0x32, 0x01, 0x06, 0x07, 0xE8, 0x00}));
}

TEST(Pn532Frame, ExtendedFramesRoundTrip) {
    Bytes data(300, 0xA5);
    data[0] = 0x40;
    auto frame = build_information_frame(kTfiHostToChip, data);
    EXPECT_EQ(frame[3], 0xFF);
    EXPECT_EQ(frame[4], 0xFF);
    auto r = parse_host_frame(frame);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->data, data);
    EXPECT_EQ(r->consumed, frame.size());
}

TEST(Pn532Frame, RejectsABadLengthChecksum) {
    Bytes b = kGetFirmwareVersion;
    b[4] = 0xFD;
    auto r = parse_host_frame(b);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().reason, FrameRejection::BadLengthChecksum);
    EXPECT_EQ(r.error().consumed, 3u);  // resynchronise right after the start code
}

TEST(Pn532Frame, RejectsABadDataChecksum) {
    Bytes b = kGetFirmwareVersion;
    b[7] = 0x2B;
    EXPECT_EQ(rejection(b), FrameRejection::BadDataChecksum);
}

TEST(Pn532Frame, RejectsTheWrongDirection) {
    EXPECT_EQ(rejection(build_response(0x02, Bytes{0x32})), FrameRejection::WrongTfi);
}

TEST(Pn532Frame, EveryPrefixIsTruncatedNotAnError) {
    for (std::size_t n = 0; n < kGetFirmwareVersion.size() - 1; ++n) {
        Bytes b(kGetFirmwareVersion.begin(), kGetFirmwareVersion.begin() + static_cast<std::ptrdiff_t>(n));
        auto r = parse_host_frame(b);
        ASSERT_FALSE(r.ok()) << n;
        EXPECT_EQ(r.error().reason, FrameRejection::Truncated) << n;
        EXPECT_EQ(r.error().consumed, 0u);
    }
}

TEST(Pn532Frame, GarbageIsDroppedUpToTheNextPreamble) {
    Bytes b{0x12, 0x34, 0xFF};
    b.insert(b.end(), kGetFirmwareVersion.begin(), kGetFirmwareVersion.end());
    auto r = parse_host_frame(b);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().reason, FrameRejection::UnknownFraming);
    EXPECT_EQ(r.error().consumed, 3u);
    auto next = parse_host_frame(std::span(b).subspan(3));
    ASSERT_TRUE(next.ok());
    EXPECT_EQ(next->data, Bytes{0x02});
}

TEST(Pn532Frame, AZeroLengthInformationFrameIsRejected) {
    EXPECT_EQ(rejection(Bytes{0x00, 0x00, 0xFF, 0x00, 0x00, 0x00}), FrameRejection::UnknownFraming);
}

TEST(Pn532Frame, EveryRejectionHasADescription) {
    for (auto r : {FrameRejection::Truncated, FrameRejection::UnknownFraming, FrameRejection::BadLengthChecksum,
                   FrameRejection::BadDataChecksum, FrameRejection::WrongTfi})
        EXPECT_FALSE(describe(r).empty());
}

}  // namespace
}  // namespace custody::nfc
