// cabinet-sim --pace-wire: a paced pty still speaks the register map correctly, the
// simulator says what it put on the line (frames and characters, which fix the wire time
// at a given baud), and the option is refused where there is no serial line. Nothing
// here is timed: whether the pacing is fast or slow enough is hardware_bench's business.
#include <gtest/gtest.h>
#include <modbus/modbus.h>

#include <signal.h>

#include <cerrno>

#include "hardware/cabinet/modbus_cabinet_controller.h"
#include "tests/support/run_command.h"
#include "tests/support/simulator_process.h"

namespace custody::test {
namespace {

std::vector<std::string> paced(int slots, int baud = 115200) {
    return {"--slots", std::to_string(slots), "--rtu", "auto", "--baud", std::to_string(baud), "--pace-wire"};
}

std::string wire_line(int baud, int frames, int characters) {
    return "ok baud=" + std::to_string(baud) + " frames=" + std::to_string(frames) +
           " characters=" + std::to_string(characters);
}

TEST(CabinetSimPaceWire, PacedRtuAnswersTheWholeMap) {
    SimulatorProcess sim(CABINET_SIM_PATH, paced(6));
    ASSERT_EQ(sim.address().rfind("/dev/pts/", 0), 0u) << sim.address();
    ModbusCabinetController cabinet(CabinetLinkConfig::rtu(sim.address(), 115200));

    auto id = cabinet.identity();
    ASSERT_TRUE(id) << log_line(id.error());
    EXPECT_EQ(id->slot_count, 6);
    EXPECT_EQ(id->firmware, "1.4.2");
    EXPECT_EQ(id->serial, "SIMCAB0000000001");

    ASSERT_EQ(sim.command("dock 2"), "ok");
    ASSERT_TRUE(cabinet.set_led(5, LedPattern::Blue));
    ASSERT_TRUE(cabinet.pulse_unlock(1));
    auto slots = cabinet.read_slots();
    ASSERT_TRUE(slots) << log_line(slots.error());
    ASSERT_EQ(slots->size(), 6u);
    EXPECT_TRUE((*slots)[1].camera_present);
    EXPECT_EQ((*slots)[1].charge, ChargeState::Charging);
    EXPECT_EQ((*slots)[4].led, LedPattern::Blue);
    EXPECT_FALSE((*slots)[0].door_closed);
    EXPECT_FALSE((*slots)[5].camera_present);
    std::string status = sim.command("status 1");
    EXPECT_NE(status.find("pulses=1"), std::string::npos) << status;
}

// The count comes from the bytes libmodbus actually wrote, so it proves every reply went
// through the pacer; the frame sizes are those of docs/hardware/cabinet-modbus.md.
TEST(CabinetSimPaceWire, CountsEveryFrameItPutOnTheLine) {
    SimulatorProcess sim(CABINET_SIM_PATH, paced(6, 19200));
    EXPECT_EQ(sim.command("wire"), wire_line(19200, 0, 0));
    ModbusCabinetController cabinet(CabinetLinkConfig::rtu(sim.address(), 19200));

    // FC04 16 identity registers: request 8 characters, reply 3 + 32 + 2.
    ASSERT_TRUE(cabinet.identity());
    int characters = 8 + 37;
    EXPECT_EQ(sim.command("wire"), wire_line(19200, 2, characters));

    // One poll of 6 slots: FC02 70 bits (3 + 9 + 2), FC04 24 registers (3 + 48 + 2),
    // FC03 6 registers (3 + 12 + 2), each asked for in 8 characters.
    ASSERT_TRUE(cabinet.read_slots());
    characters += 3 * 8 + 14 + 53 + 17;
    EXPECT_EQ(sim.command("wire"), wire_line(19200, 8, characters));

    // FC06 is echoed: 8 characters each way.
    ASSERT_TRUE(cabinet.set_led(3, LedPattern::Red));
    characters += 8 + 8;
    EXPECT_EQ(sim.command("wire"), wire_line(19200, 10, characters));

    // An exception reply (address outside the holding registers) is paced too: 5 characters.
    modbus_t* bare = modbus_new_rtu(sim.address().c_str(), 19200, 'N', 8, 1);
    ASSERT_NE(bare, nullptr);
    modbus_set_slave(bare, 1);
    ASSERT_EQ(modbus_connect(bare), 0) << modbus_strerror(errno);
    std::uint16_t reg = 0;
    EXPECT_EQ(modbus_read_registers(bare, 100, 1, &reg), -1);
    EXPECT_EQ(errno, EMBXILADD) << modbus_strerror(errno);
    modbus_close(bare);
    modbus_free(bare);
    characters += 8 + 5;
    EXPECT_EQ(sim.command("wire"), wire_line(19200, 12, characters));
}

TEST(CabinetSimPaceWire, UnpacedSimulatorSaysPacingIsOff) {
    SimulatorProcess sim(CABINET_SIM_PATH, {"--slots", "2", "--rtu", "auto"});
    EXPECT_EQ(sim.command("wire"), "error wire pacing is off (start with --rtu ... --pace-wire)");
    SimulatorProcess tcp(CABINET_SIM_PATH, {"--slots", "2", "--tcp", "127.0.0.1:0"});
    EXPECT_EQ(tcp.command("wire").rfind("error wire pacing is off", 0), 0u);
}

// "quit" on stdin, so a simulator that wrongly started leaves at once instead of hanging
// the test. One that rightly refused has usually exited before it is written: that write
// must fail with EPIPE, not kill the test with SIGPIPE.
class StdinForAnExitingChild {
public:
    StdinForAnExitingChild() { old_ = signal(SIGPIPE, SIG_IGN); }
    ~StdinForAnExitingChild() { signal(SIGPIPE, old_); }
    StdinForAnExitingChild(const StdinForAnExitingChild&) = delete;
    StdinForAnExitingChild& operator=(const StdinForAnExitingChild&) = delete;

private:
    sighandler_t old_;
};

TEST(CabinetSimPaceWire, RefusedWithTcpWithAUsageError) {
    StdinForAnExitingChild guard;
    for (const auto& args : {std::vector<std::string>{"--tcp", "127.0.0.1:0", "--pace-wire"},
                             std::vector<std::string>{"--pace-wire", "--slots", "3", "--tcp", "127.0.0.1:0"}}) {
        std::vector<std::string> argv{CABINET_SIM_PATH};
        argv.insert(argv.end(), args.begin(), args.end());
        auto r = run_command(argv, {}, "quit\n");
        EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
        EXPECT_EQ(r.out, "");
        EXPECT_NE(r.err.find("cabinet-sim: --pace-wire paces a serial line: use it with --rtu, not --tcp\n"),
                  std::string::npos)
            << r.err;
        EXPECT_NE(r.err.find("usage: cabinet-sim"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("--pace-wire  RTU only"), std::string::npos) << r.err;
    }
}

TEST(CabinetSimPaceWire, NeedsAPositiveBaud) {
    StdinForAnExitingChild guard;
    auto r = run_command({CABINET_SIM_PATH, "--rtu", "auto", "--baud", "0", "--pace-wire"}, {}, "quit\n");
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_NE(r.err.find("cabinet-sim: --baud must be positive\n"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace custody::test
