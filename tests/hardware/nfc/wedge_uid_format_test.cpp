// Card numbers as keyboard-wedge readers type them, both ways, in both formats.
#include "hardware/nfc/wedge_uid_format.h"

#include <gtest/gtest.h>

namespace custody::nfc {
namespace {

constexpr auto kLittle = Decimal10ByteOrder::LittleEndian;
constexpr auto kBig = Decimal10ByteOrder::BigEndian;

std::string uid(std::string_view typed, WedgeUidFormat f, Decimal10ByteOrder o = kLittle) {
    auto r = uid_from_typed_text(typed, f, o);
    return r.ok() ? *r : "error " + std::string(message_text(r.error().id).key);
}

TEST(WedgeUidFormat, HexIsTakenAsTyped) {
    EXPECT_EQ(uid("04A23B11", WedgeUidFormat::Hex), "04A23B11");
    EXPECT_EQ(uid("04112233445566", WedgeUidFormat::Hex), "04112233445566");
    EXPECT_EQ(uid("0411223344556677889A", WedgeUidFormat::Hex), "0411223344556677889A");
}

TEST(WedgeUidFormat, HexOfTheWrongLengthIsRefused) {
    EXPECT_EQ(uid("04A23B", WedgeUidFormat::Hex), "error ReaderUidWrongLength");
    EXPECT_EQ(uid("04A23B11F", WedgeUidFormat::Hex), "error ReaderUidWrongLength");
    EXPECT_EQ(uid("04A23B1122", WedgeUidFormat::Hex), "error ReaderUidWrongLength");  // 5 bytes
    EXPECT_EQ(uid("04A23G11", WedgeUidFormat::Hex), "error ReaderUidUnreadable");
}

TEST(WedgeUidFormat, Decimal10InBothByteOrders) {
    // 04 A2 3B 11: 0x113BA204 = 289120772 read from the last byte, 0x04A23B11 = 77740817 from the first.
    EXPECT_EQ(uid("0289120772", WedgeUidFormat::Decimal10, kLittle), "04A23B11");
    EXPECT_EQ(uid("0077740817", WedgeUidFormat::Decimal10, kBig), "04A23B11");
    EXPECT_EQ(uid("4294967295", WedgeUidFormat::Decimal10, kBig), "FFFFFFFF");
    EXPECT_EQ(uid("0000000001", WedgeUidFormat::Decimal10, kLittle), "01000000");
}

TEST(WedgeUidFormat, Decimal10RefusesWhatIsNotATenDigitNumber) {
    EXPECT_EQ(uid("4294967296", WedgeUidFormat::Decimal10), "error ReaderUidUnreadable");
    EXPECT_EQ(uid("289120772", WedgeUidFormat::Decimal10), "error ReaderUidUnreadable");
    EXPECT_EQ(uid("02891207720", WedgeUidFormat::Decimal10), "error ReaderUidUnreadable");
    EXPECT_EQ(uid("04A23B1100", WedgeUidFormat::Decimal10), "error ReaderUidUnreadable");
}

TEST(WedgeUidFormat, TypedTextRoundTrips) {
    for (auto order : {kLittle, kBig}) {
        for (auto u : {"04A23B11", "00000000", "FFFFFFFF", "80000001"}) {
            auto typed = typed_text_for_uid(u, WedgeUidFormat::Decimal10, order);
            ASSERT_TRUE(typed.ok()) << u;
            EXPECT_EQ(typed->size(), 10u);
            EXPECT_EQ(uid(*typed, WedgeUidFormat::Decimal10, order), u);
        }
    }
    auto hex = typed_text_for_uid("04:11:22:33:44:55:66", WedgeUidFormat::Hex, kLittle);
    ASSERT_TRUE(hex.ok());
    EXPECT_EQ(*hex, "04112233445566");
    EXPECT_EQ(*typed_text_for_uid("04a23b11", WedgeUidFormat::Decimal10, kLittle), "0289120772");
}

TEST(WedgeUidFormat, TypedTextRefusesWhatNoReaderWouldType) {
    auto seven = typed_text_for_uid("04112233445566", WedgeUidFormat::Decimal10, kLittle);
    ASSERT_FALSE(seven.ok());
    EXPECT_EQ(seven.error(), "decimal10 carries 4-byte UIDs only");
    auto bad = typed_text_for_uid("nonsense", WedgeUidFormat::Hex, kLittle);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error(), "not a 4, 7 or 10-byte UID");
}

TEST(WedgeUidFormat, NamesParse) {
    EXPECT_EQ(parse_wedge_uid_format("hex"), WedgeUidFormat::Hex);
    EXPECT_EQ(parse_wedge_uid_format("decimal10"), WedgeUidFormat::Decimal10);
    EXPECT_FALSE(parse_wedge_uid_format("dec"));
    EXPECT_EQ(parse_decimal10_byte_order("big"), kBig);
    EXPECT_EQ(parse_decimal10_byte_order("little"), kLittle);
    EXPECT_FALSE(parse_decimal10_byte_order("middle"));
    EXPECT_EQ(format_name(WedgeUidFormat::Decimal10), "decimal10");
}

}  // namespace
}  // namespace custody::nfc
