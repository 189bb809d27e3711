// R8, R9: the cabinet's readings of a slot say whether a docked camera is really charging,
// and whether its lock works.
#include <gtest/gtest.h>

#include "kiosk/core/slot_condition.h"

namespace custody {
namespace {

SlotStatus slot(ChargeState c, std::int32_t ma, std::int32_t temp_dc) {
    SlotStatus s;
    s.slot = 4;
    s.camera_present = true;
    s.charge = c;
    s.charge_ma = ma;
    s.temperature_dc = temp_dc;
    return s;
}

std::vector<MessageId> ids(const std::vector<Error>& errors) {
    std::vector<MessageId> out;
    for (const auto& e : errors) out.push_back(e.id);
    return out;
}

TEST(SlotCondition, ChargingWithCurrentOrFullIsFine_R8) {
    AgencyProfile p;
    EXPECT_TRUE(slot_faults(slot(ChargeState::Charging, 1500, 330), 40, p).empty());
    EXPECT_TRUE(slot_faults(slot(ChargeState::Full, 0, 250), 100, p).empty());
    EXPECT_TRUE(slot_faults(slot(ChargeState::Idle, 0, 250), 100, p).empty());
}

TEST(SlotCondition, NoCurrentIntoABatteryNotFull_R8) {
    AgencyProfile p;
    EXPECT_EQ(ids(slot_faults(slot(ChargeState::Charging, 0, 250), 40, p)),
              std::vector<MessageId>{MessageId::SlotNoChargeCurrent});
    EXPECT_EQ(ids(slot_faults(slot(ChargeState::Idle, 0, 250), 99, p)),
              std::vector<MessageId>{MessageId::SlotNoChargeCurrent});
}

TEST(SlotCondition, ChargerFaultNamesTheTemperature_R9) {
    AgencyProfile p;
    auto f = slot_faults(slot(ChargeState::Fault, 0, 300), 40, p);
    ASSERT_EQ(ids(f), std::vector<MessageId>{MessageId::SlotChargerFault});
    EXPECT_EQ(f[0].args, (std::vector<std::string>{"4", "30.0"}));
}

TEST(SlotCondition, TooHotIsNamedOnceEvenWhenTheChargerAlsoReportsAFault_R9) {
    AgencyProfile p;  // 45 °C by default
    EXPECT_EQ(ids(slot_faults(slot(ChargeState::Fault, 0, 651), 40, p)),
              std::vector<MessageId>{MessageId::SlotOverTemperature});
    EXPECT_EQ(ids(slot_faults(slot(ChargeState::Charging, 1500, 451), 40, p)),
              std::vector<MessageId>{MessageId::SlotOverTemperature});
    EXPECT_TRUE(slot_faults(slot(ChargeState::Charging, 1500, 450), 40, p).empty()) << "the limit itself is allowed";
    p.max_charge_temperature_c = 50;
    EXPECT_TRUE(slot_faults(slot(ChargeState::Charging, 1500, 480), 40, p).empty());
}

TEST(SlotCondition, AStuckLockIsAFault_R9) {
    AgencyProfile p;
    SlotStatus s = slot(ChargeState::Charging, 1500, 300);
    s.lock_fault = true;
    auto f = slot_faults(s, 40, p);
    ASSERT_EQ(ids(f), std::vector<MessageId>{MessageId::UnlockNotConfirmed});
    EXPECT_EQ(f[0].args, std::vector<std::string>{"4"});
}

TEST(SlotCondition, CelsiusReadsAsPeopleWriteIt) {
    EXPECT_EQ(celsius(650), "65.0");
    EXPECT_EQ(celsius(5), "0.5");
    EXPECT_EQ(celsius(-15), "-1.5");
}

}  // namespace
}  // namespace custody
