// The same card typed again and again while it lies on the reader is one tap.
#include "hardware/nfc/tap_debounce.h"

#include <gtest/gtest.h>

namespace custody::nfc {
namespace {

using namespace std::chrono_literals;

TEST(TapDebounce, RepeatsWithinTheWindowAreOneTap) {
    TapDebounce d(1500ms);
    EXPECT_TRUE(d.admit("04A23B11", 10s));
    EXPECT_FALSE(d.admit("04A23B11", 10s + 500ms));
    EXPECT_FALSE(d.admit("04A23B11", 11s + 400ms));
}

TEST(TapDebounce, ACardLeftOnTheReaderStaysOneTap) {
    TapDebounce d(1500ms);
    EXPECT_TRUE(d.admit("04A23B11", 10s));
    for (int i = 1; i <= 20; ++i) EXPECT_FALSE(d.admit("04A23B11", 10s + i * 1s)) << i;
}

TEST(TapDebounce, AfterAQuietWindowTheCardCountsAgain) {
    TapDebounce d(1500ms);
    EXPECT_TRUE(d.admit("04A23B11", 10s));
    EXPECT_FALSE(d.admit("04A23B11", 11s));
    EXPECT_TRUE(d.admit("04A23B11", 12s + 500ms));
}

TEST(TapDebounce, EachUidHasItsOwnWindow) {
    TapDebounce d(1500ms);
    EXPECT_TRUE(d.admit("04A23B11", 10s));
    EXPECT_TRUE(d.admit("04112233445566", 10s + 100ms));
    EXPECT_FALSE(d.admit("04A23B11", 10s + 200ms));
    EXPECT_FALSE(d.admit("04112233445566", 10s + 300ms));
}

TEST(TapDebounce, AClockSetBackDoesNotHideACard) {
    TapDebounce d(1500ms);
    EXPECT_TRUE(d.admit("04A23B11", 3600s));
    EXPECT_TRUE(d.admit("04A23B11", 10s));
    EXPECT_FALSE(d.admit("04A23B11", 10s + 100ms));
}

}  // namespace
}  // namespace custody::nfc
