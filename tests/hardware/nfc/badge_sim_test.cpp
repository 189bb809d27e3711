// badge-sim and libnfc's own nfc-list tool, both as real programs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/run_command.h"
#include "tests/support/simulator_process.h"

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

}  // namespace
