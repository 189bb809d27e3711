// The link itself: a board that vanishes or never answers is "offline" after bounded
// retries, a restarted board is picked up again, RTU over a pty works, and an
// independent Modbus client (mbpoll) reads the same map.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kiosk/core/cabinet_monitor.h"
#include "tests/hardware/cabinet/cabinet_fixture.h"
#include "tests/hardware/cabinet/recording_listener.h"
#include "tests/support/run_command.h"

namespace custody::test {
namespace {

using namespace std::chrono_literals;

TEST(CabinetLink, KilledBoardIsOfflineAndARestartedOneIsPickedUp) {
    auto sim = std::make_unique<SimulatorProcess>(CABINET_SIM_PATH, std::vector<std::string>{"--slots", "3", "--tcp", "127.0.0.1:0"});
    const int port = sim->tcp_port();
    ModbusCabinetController cabinet(tcp_link(port));
    RecordingListener events;
    CabinetMonitor monitor(cabinet, events, 20ms);
    monitor.start();
    ASSERT_TRUE(events.wait_for(is_online));

    std::size_t mark = events.size();
    sim->kill_and_reap(SIGKILL);
    auto offline = events.wait_for(is_offline, mark);
    ASSERT_TRUE(offline);
    EXPECT_EQ(offline->error.id, MessageId::CabinetOffline);
    EXPECT_FALSE(monitor.online());
    monitor.stop();

    // The adapter itself says so too, with libmodbus's reason.
    auto direct = cabinet.read_slots();
    ASSERT_FALSE(direct);
    EXPECT_EQ(direct.error().id, MessageId::CabinetOffline);
    EXPECT_NE(direct.error().args.at(0).find("Connection refused"), std::string::npos) << direct.error().args.at(0);

    // Same fixed port as before (port 0 would give a new one), so the same address works.
    mark = events.size();
    sim = std::make_unique<SimulatorProcess>(CABINET_SIM_PATH, 
        std::vector<std::string>{"--slots", "3", "--tcp", "127.0.0.1:" + std::to_string(port)});
    monitor.start();
    ASSERT_TRUE(events.wait_for(is_online, mark));
    ASSERT_EQ(sim->command("dock 3"), "ok");
    EXPECT_TRUE(events.wait_for(
        [](const CabinetEvent& e) { return e.kind == CabinetEvent::Kind::SlotChanged && e.slot.slot == 3 && e.slot.camera_present; },
        mark));
}

TEST(CabinetLink, SilentBoardIsOfflineAfterBoundedRetries) {
    // A socket that accepts connections (the kernel does, with a backlog) but never answers.
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_EQ(listen(listener, 16), 0);
    socklen_t len = sizeof addr;
    getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len);

    auto config = tcp_link(ntohs(addr.sin_port));
    config.response_timeout = 30ms;
    config.attempts = 3;
    ModbusCabinetController cabinet(config);
    auto id = cabinet.identity();
    ASSERT_FALSE(id);
    EXPECT_EQ(id.error().id, MessageId::CabinetOffline);
    EXPECT_NE(id.error().args.at(0).find("timed out"), std::string::npos) << id.error().args.at(0);

    // Each attempt used a fresh connection: exactly three were made.
    int connections = 0;
    fcntl(listener, F_SETFL, O_NONBLOCK);  // count what is queued, never wait for more
    for (int c; (c = accept(listener, nullptr, nullptr)) >= 0; close(c)) ++connections;
    close(listener);
    EXPECT_EQ(connections, 3);
}

TEST(CabinetLink, RtuOverAPtyWorksEndToEnd) {
    SimulatorProcess sim(CABINET_SIM_PATH, {"--slots", "6", "--rtu", "auto"});
    ASSERT_EQ(sim.address().rfind("/dev/pts/", 0), 0u) << sim.address();
    auto config = CabinetLinkConfig::rtu(sim.address(), 115200);
    ModbusCabinetController cabinet(config);
    auto id = cabinet.identity();
    ASSERT_TRUE(id) << log_line(id.error());
    EXPECT_EQ(id->slot_count, 6);

    ASSERT_EQ(sim.command("dock 6"), "ok");
    RecordingListener events;
    CabinetMonitor monitor(cabinet, events, 20ms);
    monitor.start();
    ASSERT_TRUE(events.wait_for(
        [](const CabinetEvent& e) { return e.kind == CabinetEvent::Kind::SlotChanged && e.slot.slot == 6 && e.slot.camera_present; }));
    auto r = monitor.unlock_and_confirm(5, 5s);
    ASSERT_TRUE(r) << log_line(r.error());
    ASSERT_TRUE(monitor.set_led(5, LedPattern::Blue));
    EXPECT_TRUE(events.wait_for(
        [](const CabinetEvent& e) { return e.kind == CabinetEvent::Kind::SlotChanged && e.slot.slot == 5 && e.slot.led == LedPattern::Blue; }));
    std::string status = sim.command("status 5");
    EXPECT_NE(status.find("pulses=1"), std::string::npos) << status;
    EXPECT_NE(status.find("led=7"), std::string::npos) << status;
}

TEST(CabinetLink, RtuBoardThatGoesAwayIsOfflineAndComesBack) {
    auto sim = std::make_unique<SimulatorProcess>(CABINET_SIM_PATH, std::vector<std::string>{"--slots", "2", "--rtu", "auto"});
    auto config = CabinetLinkConfig::rtu(sim->address(), 115200);
    config.response_timeout = 50ms;
    ModbusCabinetController cabinet(config);
    ASSERT_TRUE(cabinet.read_slots());
    sim->kill_and_reap(SIGKILL);
    auto gone = cabinet.read_slots();
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().id, MessageId::CabinetOffline);

    // A new pty gets a new path: an installer points the kiosk at it (on a real RS-485
    // line the device path stays the same and only the board restarts).
    sim = std::make_unique<SimulatorProcess>(CABINET_SIM_PATH, std::vector<std::string>{"--slots", "2", "--rtu", "auto"});
    ModbusCabinetController again(CabinetLinkConfig::rtu(sim->address(), 115200));
    EXPECT_TRUE(again.read_slots());
}

TEST(CabinetLink, MbpollReadsTheSlotCountRegister) {
    SimulatorProcess sim(CABINET_SIM_PATH, {"--slots", "7", "--tcp", "127.0.0.1:0"});
    // Input register 1 (0-based) is the slot count; -0 makes mbpoll use 0-based references.
    auto r = run_command({"/usr/bin/mbpoll", "-m", "tcp", "-p", std::to_string(sim.tcp_port()), "-a", "1", "-t", "3",
                          "-0", "-r", "1", "-c", "1", "-1", "127.0.0.1"});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("[1]: \t7"), std::string::npos) << r.out;
}

TEST(CabinetSim, StopsCleanlyOnSigterm) {
    SimulatorProcess sim(CABINET_SIM_PATH, {"--slots", "1", "--tcp", "127.0.0.1:0"});
    ASSERT_EQ(sim.command("status 1").rfind("ok door=closed", 0), 0u);
    int status = sim.kill_and_reap(SIGTERM);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(CabinetSim, ControlCommandsAnswerOkOrAReason) {
    SimulatorProcess sim(CABINET_SIM_PATH, {"--slots", "2", "--rtu", "auto"});
    EXPECT_EQ(sim.command("dock 1"), "ok");
    EXPECT_EQ(sim.command("dock 1"), "error slot already holds a camera");
    EXPECT_EQ(sim.command("remove 2"), "error slot is empty");
    EXPECT_EQ(sim.command("dock 3"), "error no slot 3");
    EXPECT_EQ(sim.command("fault 1 gremlins"), "error fault needs lock-jammed, no-charge, over-temp or not-removed");
    EXPECT_EQ(sim.command("open"), "error expected a slot number after open");
    EXPECT_EQ(sim.command("fault 2 lock-jammed"), "ok");
    EXPECT_EQ(sim.command("open 2"), "error lock jammed");
    EXPECT_EQ(sim.command("clear 2"), "ok");
    EXPECT_EQ(sim.command("open 2"), "ok");
    EXPECT_EQ(sim.command("close 2"), "ok");
    EXPECT_EQ(sim.command("quit"), "ok");
    int status = sim.kill_and_reap(0);  // already leaving: just reap it
    EXPECT_TRUE(WIFEXITED(status));
}

}  // namespace
}  // namespace custody::test
