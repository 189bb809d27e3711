#pragma once
// Starts cabinet-sim on a free loopback port and points a real ModbusCabinetController at it.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "hardware/cabinet/modbus_cabinet_controller.h"
#include "tests/support/simulator_process.h"

namespace custody::test {

inline CabinetLinkConfig tcp_link(int port) {
    auto c = CabinetLinkConfig::tcp("127.0.0.1", port);
    c.response_timeout = std::chrono::milliseconds(100);
    return c;
}

class CabinetTcpTest : public ::testing::Test {
protected:
    void SetUp() override {
        sim = std::make_unique<SimulatorProcess>(CABINET_SIM_PATH, std::vector<std::string>{"--slots", "4", "--tcp", "127.0.0.1:0",
                                                                    "--time-scale", "1"});
        ASSERT_EQ(sim->address().rfind("tcp:127.0.0.1:", 0), 0u) << sim->address();
        cabinet = std::make_unique<ModbusCabinetController>(tcp_link(sim->tcp_port()));
    }
    void TearDown() override {
        cabinet.reset();
        sim.reset();
    }
    SlotStatus slot(int n) {
        auto slots = cabinet->read_slots();
        if (!slots) ADD_FAILURE() << log_line(slots.error());
        if (!slots || slots->size() < static_cast<std::size_t>(n)) return {};
        return (*slots)[static_cast<std::size_t>(n - 1)];
    }

    std::unique_ptr<SimulatorProcess> sim;
    std::unique_ptr<ModbusCabinetController> cabinet;
};

}  // namespace custody::test
