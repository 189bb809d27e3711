// badge-sim and libnfc's own nfc-list tool, both as real programs.
#include <signal.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/child_process.h"
#include "tests/support/run_command.h"
#include "tests/support/simulator_process.h"
#include "tests/support/temp_dir.h"

namespace {

using custody::test::SimulatorProcess;

std::string nfc_list(const std::string& path) {
    auto r = custody::test::run_command({"/usr/bin/nfc-list"}, {{"LIBNFC_DEVICE", "pn532_uart:" + path + ":115200"},
                                                                {"LIBNFC_AUTO_SCAN", "false"}});
    return r.out + r.err;
}

TEST(BadgeSim, NfcListShowsTheUid) {
    SimulatorProcess sim(BADGE_SIM_PATH, {"--uid", "04A23B11"});
    const std::string& path = sim.address();
    ASSERT_EQ(path.rfind("/dev/pts/", 0), 0u) << path;
    const std::string out = nfc_list(path);
    // nfc-list prints "UID (NFCID1): 04  a2  3b  11".
    EXPECT_NE(out.find("04  a2  3b  11"), std::string::npos) << out;
}

TEST(BadgeSim, TapAndRemoveOnStdin) {
    SimulatorProcess sim(BADGE_SIM_PATH, {});
    const std::string& path = sim.address();
    ASSERT_EQ(path.rfind("/dev/pts/", 0), 0u) << path;
    EXPECT_EQ(sim.command("tap 04:11:22:33:44:55:66"), "ok");
    EXPECT_NE(nfc_list(path).find("04  11  22  33  44  55  66"), std::string::npos);
    EXPECT_EQ(sim.command("remove"), "ok");
    EXPECT_EQ(nfc_list(path).find("04  11  22  33  44  55  66"), std::string::npos);
    EXPECT_EQ(sim.command("tap nonsense"), "error not a 4, 7 or 10-byte UID");
    EXPECT_EQ(sim.command("jump"), "error unknown command jump");
}

// The first line of a file a background program writes to (up to a generous 5 s).
std::string first_line(const std::string& path) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
        std::ifstream in(path);
        std::string line;
        if (std::getline(in, line) && in) return line;  // only a line with its newline
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return {};
}

// badge-sim --uid 04A23B11 </dev/null &, then nfc-list: end of input does not stop it.
TEST(BadgeSim, KeepsServingAfterEndOfInputUntilSigterm) {
    custody::test::TempDir dir;
    custody::test::ChildProcess sim({BADGE_SIM_PATH, "--uid", "04A23B11"}, {}, dir.file("out"));  // stdin: /dev/null
    const std::string path = first_line(dir.file("out"));
    ASSERT_EQ(path.rfind("/dev/pts/", 0), 0u) << path;
    EXPECT_NE(nfc_list(path).find("04  a2  3b  11"), std::string::npos);
    EXPECT_TRUE(sim.running());
    EXPECT_NE(nfc_list(path).find("04  a2  3b  11"), std::string::npos);  // and again: still there
    const auto status = sim.kill_and_wait(SIGTERM);
    EXPECT_TRUE(status.exited);  // a clean exit, not killed by the signal
    EXPECT_EQ(status.exit_code, 0);
}

TEST(BadgeSim, QuitStops) {
    SimulatorProcess sim(BADGE_SIM_PATH, {});
    EXPECT_EQ(sim.command("tap 04A23B11"), "ok");
    EXPECT_THROW(sim.command("quit"), std::runtime_error);  // no answer: it ends, closing its output
    const int status = sim.kill_and_reap(0);                 // signal 0 only reaps
    EXPECT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
