// WedgeBadgeReader against the real wedge-sim program: its FIFO plays the evdev node.
// A FIFO cannot be grabbed, so these run with require_exclusive = false, except the test
// proving that a required grab refuses the FIFO.
#include "hardware/nfc/wedge_badge_reader.h"
#include "tests/hardware/nfc/badge_event_recorder.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <signal.h>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/core/log.h"
#include "tests/support/simulator_process.h"
#include "tests/support/temp_dir.h"

namespace custody::nfc {
namespace {

using namespace std::chrono_literals;
using test::SimulatorProcess;
constexpr auto kGenerous = 10s;  // waiting for an event, never a timing assertion

std::mutex g_mutex;
std::condition_variable g_changed;
std::vector<std::string> g_log;

void capture(LogLevel, const std::string& line, const LogFields&) {
    std::lock_guard lock(g_mutex);
    g_log.push_back(line);
    g_changed.notify_all();
}

using Recorder = test::BadgeEventRecorder;

std::size_t log_count(const std::string& needle) {
    std::size_t n = 0;
    for (const auto& l : g_log) n += l.find(needle) != std::string::npos;
    return n;
}

bool wait_log(const std::string& needle, std::size_t count = 1) {
    std::unique_lock lock(g_mutex);
    return g_changed.wait_for(lock, kGenerous, [&] { return log_count(needle) >= count; });
}

// For conditions nobody signals (the reader's retry count): looks every millisecond.
template <class Pred>
bool eventually(Pred done) {
    const auto deadline = std::chrono::steady_clock::now() + kGenerous;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(1ms);
    }
    return true;
}

class WedgeReaderTest : public ::testing::Test {
protected:
    void SetUp() override {
        {
            std::lock_guard lock(g_mutex);
            g_log.clear();
        }
        set_log_sink(capture);  // before any thread starts
        config.device = dir.file("reader-event-kbd");
        config.require_exclusive = false;
        config.debounce = 60s;  // far longer than any test takes: repeats are repeats
        config.backoff_first = 10ms;
        config.backoff_max = 100ms;
    }
    void TearDown() override {
        if (reader) reader->stop();
        set_log_sink(nullptr);  // after the thread is gone
    }
    void start_sim(std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"--fifo", config.device};
        args.insert(args.end(), extra.begin(), extra.end());
        sim = std::make_unique<SimulatorProcess>(WEDGE_SIM_PATH, args);
    }
    void start_reader() {
        reader = std::make_unique<WedgeBadgeReader>(config, clock);
        ASSERT_TRUE(reader->start(events).ok());
    }
    // The simulator, then the reader, then Online.
    void start_both(std::vector<std::string> sim_args = {}) {
        start_sim(std::move(sim_args));
        start_reader();
        ASSERT_TRUE(events.wait_states(1));
        ASSERT_EQ(events.states[0], ReaderState::Online) << log_line(events.reasons[0]);
    }
    void tap(const std::string& uid) { ASSERT_EQ(sim->command("tap " + uid), "ok"); }

    test::TempDir dir;
    WedgeReaderConfig config;
    SystemClock clock;
    Recorder events;
    std::unique_ptr<SimulatorProcess> sim;
    std::unique_ptr<WedgeBadgeReader> reader;
};

TEST_F(WedgeReaderTest, ATapIsOneEventWithTheUid) {
    start_both();
    EXPECT_EQ(events.reasons[0].id, MessageId::ReaderOnline);
    tap("04:a2:3b:11");
    ASSERT_TRUE(events.wait_taps(1));
    tap("04112233445566");
    ASSERT_TRUE(events.wait_taps(2));
    EXPECT_EQ(events.taps_now(), (std::vector<std::string>{"04A23B11", "04112233445566"}));
}

TEST_F(WedgeReaderTest, Decimal10LittleEndianIsTheHexUid) {
    config.format = WedgeUidFormat::Decimal10;
    start_both({"--format", "decimal10"});
    tap("04A23B11");
    ASSERT_TRUE(events.wait_taps(1));
    EXPECT_EQ(events.taps_now(), std::vector<std::string>{"04A23B11"});
}

TEST_F(WedgeReaderTest, Decimal10BigEndianIsTheHexUid) {
    config.format = WedgeUidFormat::Decimal10;
    config.byte_order = Decimal10ByteOrder::BigEndian;
    start_both({"--format", "decimal10", "--byte-order", "big"});
    tap("04A23B11");
    ASSERT_TRUE(events.wait_taps(1));
    EXPECT_EQ(events.taps_now(), std::vector<std::string>{"04A23B11"});
}

TEST_F(WedgeReaderTest, AHeldCardRepeatingIsOneTapUntilAQuietWindow) {
    start_both();
    for (int i = 0; i < 5; ++i) tap("04A23B11");
    tap("04112233445566");  // its event proves the five repeats before it were read
    ASSERT_TRUE(events.wait_taps(2));
    ASSERT_EQ(sim->command("advance 61000"), "ok");  // the debounce window passes, by the stamps
    tap("04A23B11");
    ASSERT_TRUE(events.wait_taps(3));
    EXPECT_EQ(events.taps_now(), (std::vector<std::string>{"04A23B11", "04112233445566", "04A23B11"}));
}

TEST_F(WedgeReaderTest, GarbageMidUidIsRejectedAndTheNextUidRead) {
    start_both();
    ASSERT_EQ(sim->command("garbage"), "ok");
    tap("04A23B11");
    ASSERT_TRUE(events.wait_taps(1));
    EXPECT_EQ(events.taps_now(), std::vector<std::string>{"04A23B11"});
    std::lock_guard lock(g_mutex);
    EXPECT_EQ(log_count("[ReaderUnexpectedInput]"), 1u);
}

TEST_F(WedgeReaderTest, APartialUidIsDroppedAfterThePause) {
    start_both();
    ASSERT_EQ(sim->command("partial 04A2"), "ok");
    ASSERT_EQ(sim->command("advance 1000"), "ok");  // longer than the 250 ms inter-key timeout
    tap("04A23B11");
    ASSERT_TRUE(events.wait_taps(1));
    EXPECT_EQ(events.taps_now(), std::vector<std::string>{"04A23B11"});
    std::lock_guard lock(g_mutex);
    EXPECT_EQ(log_count("[ReaderPartialUidExpired]"), 1u);
}

TEST_F(WedgeReaderTest, APartialUidThatJustStopsIsDroppedByTheClock) {
    start_both();
    ASSERT_EQ(sim->command("partial 04A2"), "ok");
    ASSERT_TRUE(wait_log("[ReaderPartialUidExpired]"));
    // 5 bytes, refused: had "04A2" survived, the two would make a 7-byte UID.
    ASSERT_EQ(sim->command("type 3B11223344"), "ok");
    tap("04A23B11");
    ASSERT_TRUE(events.wait_taps(1));
    EXPECT_EQ(events.taps_now(), std::vector<std::string>{"04A23B11"});
}

TEST_F(WedgeReaderTest, AUidOfTheWrongLengthIsRejected) {
    start_both();
    ASSERT_EQ(sim->command("type 04A23B"), "ok");
    ASSERT_EQ(sim->command("type 04A23B1122"), "ok");
    ASSERT_EQ(sim->command("type 04A23G11"), "ok");
    // Sixty keys are more than one atomic FIFO write: the records must still arrive whole.
    ASSERT_EQ(sim->command("type " + std::string(60, '1')), "ok");
    tap("04A23B11");
    ASSERT_TRUE(events.wait_taps(1));
    EXPECT_EQ(events.taps_now(), std::vector<std::string>{"04A23B11"});
    std::lock_guard lock(g_mutex);
    EXPECT_EQ(log_count("[ReaderUidWrongLength]"), 3u);
    EXPECT_EQ(log_count("[ReaderUidUnreadable]"), 1u);
}

TEST_F(WedgeReaderTest, WhatWasTypedBeforeItOpenedIsDiscarded) {
    start_sim();
    tap("04A23B11");  // waits in the FIFO, as evdev would never deliver it
    start_reader();
    ASSERT_TRUE(events.wait_states(1));
    ASSERT_EQ(events.states[0], ReaderState::Online);
    tap("04112233445566");
    ASSERT_TRUE(events.wait_taps(1));
    EXPECT_EQ(events.taps_now(), std::vector<std::string>{"04112233445566"});
}

TEST_F(WedgeReaderTest, DeviceGoneIsOfflineThenOnlineWhenTheSimulatorIsBack) {
    start_both();
    sim->kill_and_reap(SIGTERM);
    ASSERT_TRUE(events.wait_states(2));
    EXPECT_EQ(events.states[1], ReaderState::Offline);
    EXPECT_EQ(events.reasons[1].id, MessageId::ReaderDisconnected);
    EXPECT_EQ(events.reasons[1].args[0], config.device);

    start_sim();
    ASSERT_TRUE(events.wait_online_after(2));
    tap("04A23B11");
    ASSERT_TRUE(events.wait_taps(1));
    EXPECT_EQ(events.taps_now(), std::vector<std::string>{"04A23B11"});
    std::lock_guard lock(g_mutex);
    EXPECT_GE(log_count("[ReaderDisconnected]"), 1u);
    EXPECT_EQ(log_count("[ReaderOnline]"), 2u);
}

TEST_F(WedgeReaderTest, AKilledSimulatorIsOfflineUntilRestartedOnItsFifo) {
    start_both();
    sim->kill_and_reap(SIGKILL);  // the FIFO stays behind, with nobody writing
    ASSERT_TRUE(events.wait_states(2));
    EXPECT_EQ(events.states[1], ReaderState::Offline);
    EXPECT_EQ(events.reasons[1].id, MessageId::ReaderDisconnected);
    // Reopening the abandoned FIFO finds end of file again: still Offline, not said twice.
    const std::size_t attempts = reader->open_attempts();
    ASSERT_TRUE(eventually([&] { return reader->open_attempts() >= attempts + 3; }));
    EXPECT_EQ(events.state_count(), 2u);
    start_sim();
    ASSERT_TRUE(events.wait_online_after(2));
    tap("04A23B11");
    ASSERT_TRUE(events.wait_taps(1));
}

TEST_F(WedgeReaderTest, ARequiredGrabRefusesTheFifo) {
    config.require_exclusive = true;
    start_sim();
    start_reader();
    ASSERT_TRUE(events.wait_states(1));
    EXPECT_EQ(events.states[0], ReaderState::Offline);
    EXPECT_EQ(events.reasons[0].id, MessageId::ReaderGrabFailed);
    EXPECT_EQ(events.reasons[0].args[0], config.device);
    const std::string text = render(events.reasons[0], Lang::En);
    EXPECT_NE(text.find("EVIOCGRAB"), std::string::npos) << text;
    EXPECT_NE(text.find(config.device), std::string::npos) << text;

    // It keeps retrying and never reads: a tap in between stays unread.
    tap("04A23B11");
    const std::size_t attempts = reader->open_attempts();
    ASSERT_TRUE(eventually([&] { return reader->open_attempts() >= attempts + 3; }));
    EXPECT_TRUE(events.taps_now().empty());
    EXPECT_EQ(events.state_count(), 1u);
}

TEST_F(WedgeReaderTest, AnAbsentDeviceIsOffline) {
    start_reader();
    ASSERT_TRUE(events.wait_states(1));
    EXPECT_EQ(events.states[0], ReaderState::Offline);
    EXPECT_EQ(events.reasons[0].id, MessageId::ReaderDeviceUnavailable);
    EXPECT_EQ(events.reasons[0].args, (std::vector<std::string>{config.device, "No such file or directory"}));
}

// stop() must not wait out a backoff or a blocking read: if it did, these would hang until
// ctest's timeout rather than fail an assertion on a measured duration.
TEST_F(WedgeReaderTest, StopWakesAReaderWaitingAnHourToRetry) {
    config.backoff_first = 1h;
    config.backoff_max = 1h;
    start_reader();
    ASSERT_TRUE(events.wait_states(1));
    reader->stop();
    reader.reset();
}

TEST_F(WedgeReaderTest, StopWakesAReaderWaitingForKeys) {
    start_both();
    ASSERT_EQ(sim->command("partial 04"), "ok");
    reader->stop();
    reader->stop();  // a second stop is harmless
    reader.reset();
}

}  // namespace
}  // namespace custody::nfc
