// A malformed CSV is rejected with the physical line where the problem is, so the
// custodian can find it in the spreadsheet.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/core/csv.h"

namespace custody {
namespace {

void expect_rejected(std::string_view text, int line, MessageId cause) {
    auto r = parse_csv(text, "bad.csv");
    ASSERT_FALSE(r.ok()) << "accepted: " << testing::PrintToString(std::string(text));
    const Error& e = r.error();
    EXPECT_EQ(e.id, MessageId::ImportRejected);
    ASSERT_EQ(e.args.size(), 2u);
    EXPECT_EQ(e.args[0], "bad.csv");
    EXPECT_EQ(e.args[1], std::to_string(line)) << testing::PrintToString(std::string(text));
    ASSERT_NE(e.cause, nullptr);
    EXPECT_EQ(e.cause->id, cause) << log_line(e);
}

TEST(CsvErrors, UnterminatedQuoteNamesTheLineWhereTheRecordStarts) {
    expect_rejected("a,b\nc,\"open\n", 2, MessageId::CsvUnterminatedQuote);
    expect_rejected("a,b\nc,d\n\"x\",\"never\nclosed\nat all\n", 3, MessageId::CsvUnterminatedQuote);
}

TEST(CsvErrors, StrayQuoteInsideAnUnquotedField) {
    expect_rejected("a,b\nc,d\"e\n", 2, MessageId::CsvStrayQuote);
}

TEST(CsvErrors, TextAfterAClosingQuote) {
    expect_rejected("a,b\n\"c\"x,d\n", 2, MessageId::CsvStrayQuote);
    expect_rejected("a,b\n\"c\" ,d\n", 2, MessageId::CsvStrayQuote);
}

TEST(CsvErrors, StrayQuoteAfterAMultiLineFieldIsOnItsPhysicalLine) {
    expect_rejected("h1,h2\n\"a\nb\",x\"y\n", 3, MessageId::CsvStrayQuote);
}

TEST(CsvErrors, OverlongEncoding) {
    // "\xC0\xAF" is an overlong '/'; "\xE0\x80\xAF" the three-byte form of it.
    expect_rejected("code,name\nZD01,治安\nXJ02,\xC0\xAF\n", 3, MessageId::CsvBadUtf8);
    expect_rejected("code,name\nXJ02,\xE0\x80\xAF\n", 2, MessageId::CsvBadUtf8);
}

TEST(CsvErrors, TruncatedSequence) {
    // 中 is E4 B8 AD; the last byte is missing before the line break.
    expect_rejected("code,name\nZD01,\xE4\xB8\nXJ02,x\n", 2, MessageId::CsvBadUtf8);
    // ... and at the very end of the file.
    expect_rejected("code,name\nZD01,x\nXJ02,\xE4\xB8", 3, MessageId::CsvBadUtf8);
}

TEST(CsvErrors, SurrogateCodePoint) {
    expect_rejected("a\nb\nc\nd,\xED\xA0\x80\n", 4, MessageId::CsvBadUtf8);
}

TEST(CsvErrors, Latin1OrGbkBytes) {
    // "治安" saved as GBK instead of UTF-8.
    expect_rejected("code,name\nZD01,\xD6\xCE\xB0\xB2\n", 2, MessageId::CsvBadUtf8);
}

TEST(CsvErrors, BadBytesInsideAQuotedMultiLineFieldCountPhysicalLines) {
    expect_rejected("h\n\"one\ntwo \xFF\"\n", 3, MessageId::CsvBadUtf8);
}

TEST(CsvErrors, BomDoesNotShiftTheLineNumber) {
    expect_rejected("\xEF\xBB\xBF" "a\n\xC0\xAF\n", 2, MessageId::CsvBadUtf8);
}

TEST(Utf8, AcceptsEveryWellFormedLength) {
    EXPECT_TRUE(valid_utf8(""));
    EXPECT_TRUE(valid_utf8("ascii"));
    EXPECT_TRUE(valid_utf8("\xC2\xA9"));          // ©, 2 bytes
    EXPECT_TRUE(valid_utf8("执法记录仪"));         // 3 bytes each
    EXPECT_TRUE(valid_utf8("\xF0\x9F\x93\xB7"));  // camera emoji, 4 bytes
    EXPECT_TRUE(valid_utf8("\xEF\xBF\xBF"));      // U+FFFF
    EXPECT_TRUE(valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
    EXPECT_TRUE(valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
}

TEST(Utf8, RejectsEveryMalformedKind) {
    EXPECT_FALSE(valid_utf8("\x80"));                  // lone continuation byte
    EXPECT_FALSE(valid_utf8("\xC1\xBF"));              // overlong 2-byte
    EXPECT_FALSE(valid_utf8("\xF0\x8F\xBF\xBF"));      // overlong 4-byte
    EXPECT_FALSE(valid_utf8("\xED\xBF\xBF"));          // U+DFFF, low surrogate
    EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));      // past U+10FFFF
    EXPECT_FALSE(valid_utf8("\xF8\x88\x80\x80\x80"));  // 5-byte form
    EXPECT_FALSE(valid_utf8("\xE4\xB8"));              // truncated at the end
    EXPECT_FALSE(valid_utf8("\xE4" "a" "\xAD"));       // continuation missing
    EXPECT_FALSE(valid_utf8(std::string_view("a\0\xFF", 3)));
}

}  // namespace
}  // namespace custody
