// The real Modbus adapter against the real simulator over loopback TCP: identity, the
// slot tables, LED writes and the validation of what the board answers.
#include <gtest/gtest.h>
#include <modbus/modbus.h>

#include "hardware/cabinet/cabinet_register_map.h"
#include "tests/hardware/cabinet/cabinet_fixture.h"

namespace custody::test {
namespace {

TEST_F(CabinetTcpTest, ReadsTheIdentityBlock) {
    auto id = cabinet->identity();
    ASSERT_TRUE(id) << log_line(id.error());
    EXPECT_EQ(id->slot_count, 4);
    EXPECT_EQ(id->firmware, "1.4.2");
    EXPECT_EQ(id->serial, "SIMCAB0000000001");
}

TEST_F(CabinetTcpTest, ReadsEverySlotInOrder) {
    auto slots = cabinet->read_slots();
    ASSERT_TRUE(slots) << log_line(slots.error());
    ASSERT_EQ(slots->size(), 4u);
    for (int i = 0; i < 4; ++i) {
        const SlotStatus& s = (*slots)[static_cast<std::size_t>(i)];
        EXPECT_EQ(s.slot, i + 1);
        EXPECT_TRUE(s.door_closed);
        EXPECT_FALSE(s.camera_present);
        EXPECT_FALSE(s.lock_fault);
        EXPECT_EQ(s.charge, ChargeState::Idle);
        EXPECT_EQ(s.led, LedPattern::Off);
        EXPECT_EQ(s.temperature_dc, 250);
    }
}

TEST_F(CabinetTcpTest, DockedCameraShowsAsPresentAndCharging) {
    ASSERT_EQ(sim->command("dock 2"), "ok");
    SlotStatus s = slot(2);
    EXPECT_TRUE(s.camera_present);
    EXPECT_EQ(s.charge, ChargeState::Charging);
    EXPECT_EQ(s.charge_ma, 1500);
    EXPECT_GT(s.charge_mv, 3500);
    EXPECT_FALSE(slot(1).camera_present);
}

TEST_F(CabinetTcpTest, LedPatternIsWrittenAndReadBack) {
    ASSERT_TRUE(cabinet->set_led(3, LedPattern::AmberBlink));
    EXPECT_EQ(slot(3).led, LedPattern::AmberBlink);
    EXPECT_NE(sim->command("status 3").find("led=4"), std::string::npos);
}

TEST_F(CabinetTcpTest, PulseOpensTheDoorOnlyInTheSimulator) {
    ASSERT_TRUE(cabinet->pulse_unlock(1));
    std::string status = sim->command("status 1");
    EXPECT_NE(status.find("pulses=1"), std::string::npos) << status;
    EXPECT_NE(status.find("door=open"), std::string::npos) << status;
    EXPECT_FALSE(slot(1).door_closed);
}

TEST_F(CabinetTcpTest, SlotOutsideTheCabinetIsRefused) {
    auto r = cabinet->pulse_unlock(5);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().id, MessageId::CabinetSlotUnknown);
    EXPECT_EQ(r.error().args, (std::vector<std::string>{"5", "4"}));
    EXPECT_FALSE(cabinet->set_led(0, LedPattern::Red));
}

TEST_F(CabinetTcpTest, OutOfRangeLedValueIsABadReplyNotAGuess) {
    // Another client (a service tool) writes a pattern this map does not define.
    modbus_t* raw = modbus_new_tcp("127.0.0.1", sim->tcp_port());
    ASSERT_EQ(modbus_connect(raw), 0);
    ASSERT_EQ(modbus_write_register(raw, cabinet_map::kLedBase + 1, 9), 1);
    modbus_close(raw);
    modbus_free(raw);

    auto slots = cabinet->read_slots();
    ASSERT_FALSE(slots);
    EXPECT_EQ(slots.error().id, MessageId::CabinetBadReply);
    EXPECT_NE(slots.error().args.at(0).find("LED pattern 9"), std::string::npos) << slots.error().args.at(0);
}

}  // namespace
}  // namespace custody::test
