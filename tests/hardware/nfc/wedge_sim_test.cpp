// wedge-sim as a real program: what it writes into its FIFO, its answers, and its lifetime.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <linux/input.h>
#include <string>
#include <thread>
#include <vector>

#include "hardware/nfc/wedge_keystrokes.h"
#include "tests/support/child_process.h"
#include "tests/support/simulator_process.h"
#include "tests/support/temp_dir.h"

namespace custody::nfc {
namespace {

using test::SimulatorProcess;
using namespace std::chrono_literals;

bool is_fifo(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode);
}

// The device side, as the adapter opens it.
class FifoReader {
public:
    explicit FifoReader(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)) {}
    ~FifoReader() {
        if (fd_ >= 0) ::close(fd_);
    }
    bool ok() const { return fd_ >= 0; }
    // Records until one with `code` pressed arrives (up to a generous 5 s per read).
    std::vector<input_event> until_pressed(std::uint16_t code) {
        std::vector<input_event> out;
        for (;;) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 5000) <= 0) return out;
            input_event ev;
            const ssize_t n = ::read(fd_, &ev, sizeof ev);
            if (n != static_cast<ssize_t>(sizeof ev)) return out;
            out.push_back(ev);
            if (ev.type == EV_KEY && ev.code == code && ev.value == 1) return out;
        }
    }
    // What a read says right now: "data", "eagain" (a writer, nothing to read) or "eof".
    std::string state() {
        input_event ev;
        const ssize_t n = ::read(fd_, &ev, sizeof ev);
        if (n > 0) return "data";
        if (n == 0) return "eof";
        return errno == EAGAIN ? "eagain" : "error";
    }

private:
    int fd_;
};

// The characters typed, with '\n' for Enter; checks every press has its release.
std::string typed(const std::vector<input_event>& records) {
    std::string s;
    int pressed = 0;
    for (const auto& ev : records) {
        if (ev.type != EV_KEY) continue;
        pressed += ev.value == 1 ? 1 : -1;
        if (ev.value != 1) continue;
        if (wedge::is_enter_key(ev.code)) {
            s += '\n';
        } else if (auto c = wedge::char_for_key(ev.code)) {
            s += *c;
        } else {
            s += '?';
        }
    }
    EXPECT_LE(pressed, 1);  // the Enter's release may still be on its way
    return s;
}

TEST(WedgeSim, TypesTheUidAndEnterIntoItsFifo) {
    test::TempDir dir;
    const std::string path = dir.file("reader");
    SimulatorProcess sim(WEDGE_SIM_PATH, {"--fifo", path});
    EXPECT_EQ(sim.address(), path);
    EXPECT_TRUE(is_fifo(path));
    FifoReader device(path);
    ASSERT_TRUE(device.ok());
    EXPECT_EQ(sim.command("tap 04:a2:3b:11"), "ok");
    auto records = device.until_pressed(KEY_ENTER);
    EXPECT_EQ(typed(records), "04A23B11\n");
    // A USB keyboard's framing: scan code, key, sync.
    ASSERT_GE(records.size(), 3u);
    EXPECT_EQ(records[0].type, EV_MSC);
    EXPECT_EQ(records[1].type, EV_KEY);
    EXPECT_EQ(records[2].type, EV_SYN);
    EXPECT_EQ(sim.command("garbage"), "ok");
    EXPECT_EQ(typed(device.until_pressed(KEY_ENTER)), "04A2?3B11\n");
    EXPECT_EQ(sim.command("type 12"), "ok");
    EXPECT_EQ(typed(device.until_pressed(KEY_ENTER)), "12\n");
}

TEST(WedgeSim, TypesDecimal10InTheChosenByteOrder) {
    test::TempDir dir;
    const std::string path = dir.file("reader");
    SimulatorProcess little(WEDGE_SIM_PATH, {"--fifo", path, "--format", "decimal10"});
    FifoReader device(path);
    EXPECT_EQ(little.command("tap 04A23B11"), "ok");
    EXPECT_EQ(typed(device.until_pressed(KEY_ENTER)), "0289120772\n");

    const std::string path2 = dir.file("reader2");
    SimulatorProcess big(WEDGE_SIM_PATH, {"--fifo", path2, "--format", "decimal10", "--byte-order", "big"});
    FifoReader device2(path2);
    EXPECT_EQ(big.command("tap 04A23B11"), "ok");
    EXPECT_EQ(typed(device2.until_pressed(KEY_ENTER)), "0077740817\n");
    EXPECT_EQ(big.command("tap 04112233445566"), "error decimal10 carries 4-byte UIDs only");
}

TEST(WedgeSim, AnswersErrors) {
    test::TempDir dir;
    SimulatorProcess sim(WEDGE_SIM_PATH, {"--fifo", dir.file("reader")});
    EXPECT_EQ(sim.command("tap nonsense"), "error not a 4, 7 or 10-byte UID");
    EXPECT_EQ(sim.command("partial 04-A2"), "error only digits and letters can be typed");
    EXPECT_EQ(sim.command("advance soon"), "error advance takes a number of milliseconds");
    EXPECT_EQ(sim.command("advance 1000"), "ok");
    EXPECT_EQ(sim.command("jump"), "error unknown command jump");
    EXPECT_EQ(sim.command("quit"), "ok");
}

// The first line of a file a background program writes to (up to a generous 5 s).
std::string first_line(const std::string& path) {
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (std::chrono::steady_clock::now() < deadline) {
        std::ifstream in(path);
        std::string line;
        if (std::getline(in, line) && in) return line;  // only a line with its newline
        std::this_thread::sleep_for(2ms);
    }
    return {};
}

TEST(WedgeSim, KeepsServingAfterEndOfInputUntilSigterm) {
    test::TempDir dir;
    const std::string path = dir.file("reader");
    test::ChildProcess sim({WEDGE_SIM_PATH, "--fifo", path}, {}, dir.file("out"));  // stdin: /dev/null
    ASSERT_EQ(first_line(dir.file("out")), path);
    FifoReader device(path);
    ASSERT_TRUE(device.ok());
    EXPECT_EQ(device.state(), "eagain");  // a writer holds the device: the simulator serves
    EXPECT_TRUE(sim.running());
    const auto status = sim.kill_and_wait(SIGTERM);
    EXPECT_TRUE(status.exited);
    EXPECT_EQ(status.exit_code, 0);
    EXPECT_EQ(device.state(), "eof");  // the device is gone
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(WedgeSim, ServesAgainOnAFifoLeftByAKilledSimulator) {
    test::TempDir dir;
    const std::string path = dir.file("reader");
    {
        SimulatorProcess killed(WEDGE_SIM_PATH, {"--fifo", path});
        killed.kill_and_reap(SIGKILL);
    }
    ASSERT_TRUE(is_fifo(path));
    SimulatorProcess sim(WEDGE_SIM_PATH, {"--fifo", path});
    FifoReader device(path);
    EXPECT_EQ(sim.command("tap 04A23B11"), "ok");
    EXPECT_EQ(typed(device.until_pressed(KEY_ENTER)), "04A23B11\n");
}

TEST(WedgeSim, RefusesAPathThatIsNotAFifo) {
    test::TempDir dir;
    std::ofstream(dir.file("regular")) << "x";
    test::ChildProcess sim({WEDGE_SIM_PATH, "--fifo", dir.file("regular")}, {}, dir.file("out"));
    const auto status = sim.wait();
    EXPECT_TRUE(status.exited);
    EXPECT_EQ(status.exit_code, 1);
}

}  // namespace
}  // namespace custody::nfc
