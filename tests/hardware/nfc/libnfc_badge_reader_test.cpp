// LibnfcBadgeReader through the real libnfc against the in-process PN532 emulator.
#include "hardware/nfc/libnfc_badge_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "hardware/nfc/pn532_emulator.h"
#include "tests/hardware/nfc/badge_event_recorder.h"

namespace custody::nfc {
namespace {

using namespace std::chrono_literals;
constexpr auto kGenerous = 10s;  // waiting for an event, never a timing assertion

using Recorder = test::BadgeEventRecorder;

LibnfcReaderConfig config_for(const Pn532Emulator& emu) {
    LibnfcReaderConfig c;
    c.connstring = "pn532_uart:" + emu.path() + ":115200";
    c.poll_interval = 5ms;
    c.backoff_first = 20ms;
    c.backoff_max = 200ms;
    return c;
}

struct Rig {
    std::unique_ptr<Pn532Emulator> emu;
    SystemClock clock;
    Recorder events;
    std::unique_ptr<LibnfcBadgeReader> reader;

    Rig() {
        auto e = Pn532Emulator::start();
        if (!e.ok()) throw std::runtime_error("no pty");
        emu = std::move(e.value());
        reader = std::make_unique<LibnfcBadgeReader>(config_for(*emu), clock);
        if (!reader->start(events).ok()) throw std::runtime_error("reader did not start");
    }
    ~Rig() { reader->stop(); }
};

TEST(LibnfcBadgeReader, ReportsOnlineThenOneTapPerCard) {
    Rig rig;
    ASSERT_TRUE(rig.events.wait_states(1));
    EXPECT_EQ(rig.events.states[0], ReaderState::Online);
    ASSERT_TRUE(rig.emu->place("04:a2:3b:11"));
    ASSERT_TRUE(rig.events.wait_taps(1));
    EXPECT_EQ(rig.events.taps_now(), std::vector<std::string>{"04A23B11"});
}

// Waits until the reader has sent `more` further selects: proof that it polled, no clock.
bool polled(const Pn532Emulator& emu, std::size_t more) {
    const std::size_t target = emu.selects_answered() + more;
    const auto deadline = std::chrono::steady_clock::now() + kGenerous;
    while (emu.selects_answered() < target) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(1ms);
    }
    return true;
}

TEST(LibnfcBadgeReader, AHeldCardIsReportedOnce) {
    Rig rig;
    ASSERT_TRUE(rig.emu->place("04A23B11"));
    ASSERT_TRUE(rig.events.wait_taps(1));
    ASSERT_TRUE(polled(*rig.emu, 10));  // ten more selects saw the same card
    EXPECT_EQ(rig.events.taps_now(), std::vector<std::string>{"04A23B11"});
}

TEST(LibnfcBadgeReader, RemovalThenRetapReportsAgain) {
    Rig rig;
    ASSERT_TRUE(rig.emu->place("04A23B11"));
    ASSERT_TRUE(rig.events.wait_taps(1));
    rig.emu->remove();
    ASSERT_TRUE(polled(*rig.emu, 3));  // the reader has seen the empty field
    ASSERT_TRUE(rig.emu->place("04A23B11"));
    ASSERT_TRUE(rig.events.wait_taps(2));
    EXPECT_EQ(rig.events.taps_now(), (std::vector<std::string>{"04A23B11", "04A23B11"}));
}

TEST(LibnfcBadgeReader, SevenByteUid) {
    Rig rig;
    ASSERT_TRUE(rig.emu->place("04:11:22:33:44:55:66"));
    ASSERT_TRUE(rig.events.wait_taps(1));
    EXPECT_EQ(rig.events.taps_now(), std::vector<std::string>{"04112233445566"});
}

TEST(LibnfcBadgeReader, EmulatorGoneMeansOffline) {
    Rig rig;
    ASSERT_TRUE(rig.events.wait_states(1));
    rig.emu.reset();
    ASSERT_TRUE(rig.events.wait_states(2));
    EXPECT_EQ(rig.events.states[1], ReaderState::Offline);
    EXPECT_EQ(rig.events.reasons[1].id, MessageId::ReaderOffline);
}

TEST(LibnfcBadgeReader, ReconnectsAfterTheReaderFallsSilent) {
    Rig rig;
    ASSERT_TRUE(rig.events.wait_states(1));
    rig.emu->set_answering(false);
    ASSERT_TRUE(rig.events.wait_states(2));
    EXPECT_EQ(rig.events.states[1], ReaderState::Offline);
    rig.emu->set_answering(true);
    ASSERT_TRUE(rig.events.wait_states(3));
    EXPECT_EQ(rig.events.states[2], ReaderState::Online);
    ASSERT_TRUE(rig.emu->place("04A23B11"));
    ASSERT_TRUE(rig.events.wait_taps(1));
}

TEST(LibnfcBadgeReader, AbsentDeviceIsOfflineAndStopReturns) {
    SystemClock clock;
    Recorder events;
    LibnfcReaderConfig c;
    c.connstring = "pn532_uart:/dev/nonexistent-reader:115200";
    LibnfcBadgeReader reader(c, clock);
    ASSERT_TRUE(reader.start(events).ok());
    ASSERT_TRUE(events.wait_states(1));
    EXPECT_EQ(events.states[0], ReaderState::Offline);
    reader.stop();
}

}  // namespace
}  // namespace custody::nfc
