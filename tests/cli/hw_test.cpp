// custodyctl hw as an installer uses it, against the simulators run as real programs:
// badge-sim (through libnfc), cabinet-sim (over Modbus TCP), and slot directories made
// with camera-sim and served by libgat947-sim.so through the real GA/T 947.4 adapter.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/cli/cli_helpers.h"
#include "tests/support/simulator_process.h"

namespace custody::test {
namespace {

CommandResult camera_sim(const std::vector<std::string>& args) {
    std::vector<std::string> argv{CAMERA_SIM_PATH};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv);
}

class HwCommandTest : public ::testing::Test {
protected:
    std::string db() const { return dir_.file("custody.db"); }
    std::string conf() const { return dir_.file("kiosk.conf"); }
    CommandResult hw(std::vector<std::string> args, const std::string& lang = "en") {
        args.insert(args.begin(), "hw");
        return run_command([&] {
            std::vector<std::string> argv{CUSTODYCTL_PATH, "--db", db()};
            if (lang == "en") argv.insert(argv.end(), {"--lang", "en"});
            argv.insert(argv.end(), args.begin(), args.end());
            return argv;
        }(), {{"CUSTODY_CONF", conf()}, {"LIBNFC_AUTO_SCAN", "false"}, {"LANGUAGE", ""}, {"LC_ALL", ""},
               {"LC_MESSAGES", ""}, {"LANG", ""}});
    }
    // Two simulated cameras in slots 1 and 2; slot 3 is configured but holds none.
    void write_camera_conf(const std::string& extra = "") {
        for (const char* s : {"1", "2"}) {
            auto r = camera_sim({"init", dir_.file(std::string("slot") + s), "--serial", std::string("DSJ000") + s});
            ASSERT_EQ(r.exit_code, 0) << r.err;
            EXPECT_NE(r.out.find("init_code = SIM-DSJ1@"), std::string::npos) << r.out;
        }
        std::string text = "[camera]\nlibrary = " GAT947_SIM_PATH "\npassword = 123456\nmount_timeout_ms = 0\n";
        for (const char* s : {"1", "2", "3"}) {
            const std::string d = dir_.file(std::string("slot") + s);
            text += std::string("[slot.") + s + "]\ninit_code = SIM-DSJ1@" + d + "\nmount_path = " + d + "/volume\n";
        }
        write_file(conf(), text + extra);
    }
    TempDir dir_;
};

TEST_F(HwCommandTest, BadgeIsReadThroughLibnfcAndItsHolderNamed_R5) {
    ASSERT_TRUE(make_small_agency(dir_, db()));
    SimulatorProcess badge(BADGE_SIM_PATH, {"--uid", "04A23B11"});
    auto r = hw({"badge", "--connstring", "pn532_uart:" + badge.address() + ":115200", "--timeout", "20"}, "zh");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("04A23B11"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("张伟"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("读卡器已连接"), std::string::npos) << r.err;
}

TEST_F(HwCommandTest, AnUnregisteredBadgeIsSaidToBeSo) {
    ASSERT_TRUE(make_small_agency(dir_, db()));
    SimulatorProcess badge(BADGE_SIM_PATH, {"--uid", "0455667788AABB"});
    auto r = hw({"badge", "--connstring", "pn532_uart:" + badge.address() + ":115200", "--timeout", "20"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("0455667788AABB"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("not registered"), std::string::npos) << r.out;
}

TEST_F(HwCommandTest, NoCardOnTheReaderEndsAfterTheTimeout) {
    SimulatorProcess badge(BADGE_SIM_PATH, {});
    // Long enough for the reader to come online even on a loaded machine under ASan.
    auto r = hw({"badge", "--connstring", "pn532_uart:" + badge.address() + ":115200", "--timeout", "3"});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("No badge was read within 3 s"), std::string::npos) << r.err;
}

TEST_F(HwCommandTest, AReaderThatIsNotThereIsOffline) {
    auto r = hw({"badge", "--connstring", "pn532_uart:" + dir_.file("no-such-tty") + ":115200", "--timeout", "1"});
    EXPECT_EQ(r.exit_code, 4) << r.out;
    EXPECT_NE(r.err.find("The badge reader is offline"), std::string::npos) << r.err;
}

TEST_F(HwCommandTest, CabinetPollShowsTheIdentityAndEverySlot) {
    SimulatorProcess cab(CABINET_SIM_PATH, {"--slots", "3", "--tcp", "127.0.0.1:0", "--serial", "CAB-TEST-7"});
    ASSERT_EQ(cab.command("dock 2"), "ok");
    ASSERT_EQ(cab.command("fault 3 lock-jammed"), "ok");
    auto r = hw({"cabinet", "--cabinet", cab.address()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("serial CAB-TEST-7"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("slots 3"), std::string::npos) << r.out;
    std::vector<std::string> lines;
    for (std::size_t p = 0, nl; (nl = r.out.find('\n', p)) != std::string::npos; p = nl + 1)
        lines.push_back(r.out.substr(p, nl - p));
    ASSERT_EQ(lines.size(), 6u) << r.out;  // identity, header, rule, three slots
    EXPECT_EQ(lines[4].rfind("2 ", 0), 0u);
    EXPECT_NE(lines[4].find("present"), std::string::npos) << lines[4];
    EXPECT_NE(lines[4].find("charging"), std::string::npos) << lines[4];
    EXPECT_NE(lines[4].find("1500"), std::string::npos) << lines[4];
    EXPECT_NE(lines[3].find("idle"), std::string::npos) << lines[3];
}

TEST_F(HwCommandTest, CabinetFromTheConfigFile) {
    SimulatorProcess cab(CABINET_SIM_PATH, {"--slots", "2", "--tcp", "127.0.0.1:0"});
    write_file(conf(), "; the cabinet board\n[cabinet]\nlink = " + cab.address() + "\ntimeout_ms = 500\n");
    auto r = hw({"cabinet"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("slots 2"), std::string::npos) << r.out;
}

TEST_F(HwCommandTest, ACabinetThatDoesNotAnswerIsOffline) {
    auto r = hw({"cabinet", "--cabinet", "tcp:127.0.0.1:1"});
    EXPECT_EQ(r.exit_code, 4);
    EXPECT_NE(r.err.find("The cabinet controller does not answer"), std::string::npos) << r.err;
}

TEST_F(HwCommandTest, NoCabinetConfiguredIsSaid) {
    auto r = hw({"cabinet"});
    EXPECT_EQ(r.exit_code, 4);
    EXPECT_NE(r.err.find("configures no [cabinet] link"), std::string::npos) << r.err;
}

TEST_F(HwCommandTest, DockShowsWhatEachCameraReportsAndChangesNothing_R7) {
    write_camera_conf();
    ASSERT_EQ(camera_sim({"fault", dir_.file("slot2"), "clock-off"}).exit_code, 0);
    const std::string before1 = camera_sim({"show", dir_.file("slot1")}).out;
    const std::string before2 = camera_sim({"show", dir_.file("slot2")}).out;
    auto r = hw({"dock"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("DSJ0001"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("DSJ0002"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("95%"), std::string::npos) << r.out;
    EXPECT_TRUE(r.out.find(" 3599 s") != std::string::npos || r.out.find(" 3600 s") != std::string::npos)
        << "slot 2's clock is an hour ahead: " << r.out;
    EXPECT_NE(r.out.find("The camera in slot 3 does not answer"), std::string::npos) << r.out;
    EXPECT_EQ(camera_sim({"show", dir_.file("slot1")}).out, before1) << "hw dock wrote to a camera";
    EXPECT_EQ(camera_sim({"show", dir_.file("slot2")}).out, before2) << "hw dock wrote to a camera";
}

TEST_F(HwCommandTest, DockOfOneSlotFailsWhenItsCameraDoesNotAnswer) {
    write_camera_conf();
    ASSERT_EQ(camera_sim({"fault", dir_.file("slot1"), "unplug"}).exit_code, 0);
    auto r = hw({"dock", "--slot", "1"});
    EXPECT_EQ(r.exit_code, 4) << r.out;
    auto ok = hw({"dock", "--slot", "2"});
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_EQ(ok.out.find("DSJ0001"), std::string::npos) << "only slot 2 was asked for";
    auto none = hw({"dock", "--slot", "9"});
    EXPECT_EQ(none.exit_code, 4);
    EXPECT_NE(none.err.find("[slot.9]"), std::string::npos) << none.err;
}

TEST_F(HwCommandTest, AWrongPasswordIsShownPerCamera) {
    write_camera_conf();
    ASSERT_EQ(camera_sim({"fault", dir_.file("slot2"), "wrong-password"}).exit_code, 0);
    auto r = hw({"dock"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Wrong password for camera 2"), std::string::npos) << r.out;
}

TEST_F(HwCommandTest, AMistakeInKioskConfIsNamedByLine) {
    write_file(conf(), "[cabinet]\nlink = tcp:127.0.0.1:502\n\n[reader]\nkind = magic\n");
    auto r = hw({"cabinet"});
    EXPECT_EQ(r.exit_code, 4);
    EXPECT_NE(r.err.find("line 5"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("kind is pn532 or wedge"), std::string::npos) << r.err;
}

TEST_F(HwCommandTest, ReadersListsWhatIsConfigured) {
    write_file(conf(), "[reader]\nkind = wedge\ndevice = /dev/input/by-id/usb-Reader-event-kbd\n");
    auto r = hw({"readers"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("wedge /dev/input/by-id/usb-Reader-event-kbd"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("libnfc readers:"), std::string::npos) << r.out;
}

TEST(CameraSim, InitRefusesToOverwriteAndSetRefusesUnknownKeys) {
    TempDir dir;
    const std::string slot = dir.file("slot");
    ASSERT_EQ(camera_sim({"init", slot, "--serial", "DSJ0001"}).exit_code, 0);
    EXPECT_EQ(camera_sim({"init", slot, "--serial", "DSJ0002"}).exit_code, 2);
    EXPECT_NE(camera_sim({"show", slot}).out.find("serial=DSJ0001"), std::string::npos);
    EXPECT_EQ(camera_sim({"init", dir.file("long"), "--serial", "DSJ00001"}).exit_code, 2) << "8 characters do not fit";
    EXPECT_EQ(camera_sim({"set", slot, "batery_pct=5"}).exit_code, 2);
    ASSERT_EQ(camera_sim({"set", slot, "battery_pct=5"}).exit_code, 0);
    EXPECT_NE(camera_sim({"show", slot}).out.find("battery_pct=5"), std::string::npos);
    ASSERT_EQ(camera_sim({"fault", slot, "storage-error"}).exit_code, 0);
    EXPECT_NE(camera_sim({"show", slot}).out.find("fault_storage_error=1"), std::string::npos);
    ASSERT_EQ(camera_sim({"fault", slot, "clear"}).exit_code, 0);
    EXPECT_NE(camera_sim({"show", slot}).out.find("fault_storage_error=0"), std::string::npos);
    EXPECT_EQ(camera_sim({"show", dir.file("nothing")}).exit_code, 1);
}

}  // namespace
}  // namespace custody::test

namespace custody::test {
namespace {

// The demo's hardware part, as the README's first command runs it.
TEST(DemoHardware, TheSimulatorsAnswerThroughTheRealAdapters) {
    TempDir dir;
    const std::string db = dir.file("demo.db");
    ASSERT_EQ(ctl(db, {"demo", "--days", "7"}).exit_code, 0);
    const std::string build = std::filesystem::path(CUSTODYCTL_PATH).parent_path().parent_path().parent_path().string();
    auto r = run_command({std::string(CUSTODY_SOURCE_DIR) + "/installer/demo-hardware.sh", build, db},
                         {{"LANGUAGE", ""}, {"LC_ALL", ""}, {"LC_MESSAGES", ""}, {"LANG", ""}});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("卡号：04A11000"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("序列号 DEMO-CABINET-01"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("充电中  1500"), std::string::npos) << r.out;
    EXPECT_TRUE(r.out.find("3599 s") != std::string::npos || r.out.find("3600 s") != std::string::npos) << r.out;
}

}  // namespace
}  // namespace custody::test
