// Issuing at the cabinet with every part real but the hardware: cabinet-sim over Modbus,
// the GA/T 947.4 adapter over the simulator library, the SQLite ledger (R5, R7, R9).
#include <gtest/gtest.h>

#include <csignal>
#include <thread>

#include "kiosk/core/cabinet_checkout.h"
#include "tests/hardware/dock/dock_fixture.h"
#include "tests/support/raw_db.h"

namespace custody::test {
namespace {

class QuietListener final : public CabinetListener {
public:
    void on_slot_changed(const std::optional<SlotStatus>&, const SlotStatus&) override {}
    void on_cabinet_online(const CabinetIdentity&) override {}
    void on_cabinet_offline(const Error&) override {}
};

class CabinetCheckoutTest : public DockFixture {
protected:
    void SetUp() override {
        DockFixture::SetUp();
        store_.make_all_ready();  // the stored readings pass; the live check decides
        start_cabinet(listener_);
        for (int slot : {1, 2, 3}) ASSERT_EQ(sim_->command("dock " + std::to_string(slot)), "ok");
        monitor_->start();
        ASSERT_TRUE(cabinet_shows([](const SlotStatus& s) { return s.slot == 3 && s.camera_present; }));
    }
    CabinetCheckout desk(CabinetCheckoutTimings t = {std::chrono::milliseconds(3000), std::chrono::milliseconds(10000)}) {
        return CabinetCheckout(store_.store(), store_.clock(), *link_, *monitor_, t);
    }
    static CheckoutRequest zhang() { return {agency::kZhangBadge, std::nullopt, std::nullopt}; }
    // The simulator's own account of a slot: "door=open camera=present ... pulses=1".
    std::string sim_slot(int slot) { return sim_->command("status " + std::to_string(slot)); }
    std::vector<std::string> ledger_kinds() {
        std::vector<std::string> kinds;
        RawDb raw(store_.db_path());
        for (auto& row : raw.rows("SELECT kind FROM custody_entries ORDER BY id")) kinds.push_back(row.at(0));
        return kinds;
    }

    QuietListener listener_;
};

TEST_F(CabinetCheckoutTest, TheCameraThatPassesTheLiveCheckIsBoundIssuedAndUnlocked_R7) {
    camera(1).set("battery_pct", "40");  // ranks first on the stored reading, fails live
    auto issued = desk().issue(zhang());
    ASSERT_TRUE(issued.ok()) << log_line(issued.error());
    EXPECT_EQ(issued->grant.slot, 2);
    EXPECT_EQ(issued->grant.device.serial, kCam2);
    ASSERT_EQ(issued->passed_over.size(), 1u);
    EXPECT_EQ(issued->passed_over[0].device_serial, kCam1);
    EXPECT_EQ(issued->passed_over[0].reasons.at(0).id, MessageId::CheckBatteryLow);
    EXPECT_TRUE(issued->inspection.problems.empty());

    EXPECT_EQ(camera(2).get("user_no"), agency::kZhang);  // footage will carry the officer's number
    EXPECT_EQ(camera(1).get("user_no"), "000000");
    EXPECT_EQ(store_.device(kCam2).status, DeviceStatus::Out);
    const std::string slot2 = sim_slot(2);
    EXPECT_NE(slot2.find("door=open"), std::string::npos) << slot2;
    EXPECT_NE(slot2.find("pulses=1"), std::string::npos) << slot2;
    EXPECT_NE(sim_slot(1).find("pulses=0"), std::string::npos);

    ASSERT_EQ(sim_->command("remove 2"), "ok");
    auto taken = desk().await_taken(*issued);
    ASSERT_TRUE(taken.ok()) << log_line(taken.error());
    EXPECT_EQ(ledger_kinds(), std::vector<std::string>{"checkout"});
    EXPECT_EQ(store_.device(kCam2).status, DeviceStatus::Out);
}

TEST_F(CabinetCheckoutTest, ALockThatSticksVoidsTheCheckoutAndQuarantinesTheCamera_R9) {
    ASSERT_EQ(sim_->command("fault 1 lock-jammed"), "ok");
    auto issued = desk().issue(zhang());
    ASSERT_FALSE(issued.ok());
    EXPECT_EQ(issued.error().id, MessageId::UnlockNotConfirmed);
    EXPECT_EQ(ledger_kinds(), (std::vector<std::string>{"checkout", "voided"}));
    const Device d = store_.device(kCam1);
    EXPECT_EQ(d.status, DeviceStatus::Quarantined);
    EXPECT_EQ(d.slot, 1);
    EXPECT_FALSE(d.open_checkout_id.has_value());
    EXPECT_EQ(camera(1).get("user_no"), "000000") << "the camera still in the cabinet names nobody";
    const std::string slot1 = sim_slot(1);
    EXPECT_NE(slot1.find("door=closed"), std::string::npos) << slot1;
    EXPECT_NE(slot1.find("led=5"), std::string::npos) << "red: " << slot1;  // LedPattern::Red
}

TEST_F(CabinetCheckoutTest, ACameraNotTakenInTimeVoidsTheCheckoutAndStaysInService) {
    ASSERT_EQ(sim_->command("fault 1 not-removed"), "ok");
    auto d = desk({std::chrono::milliseconds(3000), std::chrono::milliseconds(300)});
    auto issued = d.issue(zhang());
    ASSERT_TRUE(issued.ok()) << log_line(issued.error());
    ASSERT_EQ(issued->grant.slot, 1);
    EXPECT_EQ(camera(1).get("user_no"), agency::kZhang);
    EXPECT_NE(sim_->command("remove 1").find("error"), std::string::npos);  // the officer walked off without it
    auto taken = d.await_taken(*issued);
    ASSERT_FALSE(taken.ok());
    EXPECT_EQ(taken.error().id, MessageId::CameraNotRemoved);
    EXPECT_EQ(ledger_kinds(), (std::vector<std::string>{"checkout", "voided"}));
    EXPECT_EQ(store_.device(kCam1).status, DeviceStatus::InService);
    EXPECT_EQ(store_.device(kCam1).slot, 1);
    EXPECT_EQ(camera(1).get("user_no"), "000000");
}

TEST_F(CabinetCheckoutTest, NoCameraPassingTheLiveCheckIsARefusalWithTheReason_R7) {
    camera(1).set("battery_pct", "30");
    camera(2).set("storage_total_mb", "2048");
    const auto entries = store_.count("custody_entries");
    const auto seq = store_.last_audit_seq();
    auto issued = desk().issue(zhang());
    ASSERT_FALSE(issued.ok());
    EXPECT_EQ(issued.error().id, MessageId::NoCameraPassedCheck);
    ASSERT_TRUE(issued.error().cause);
    EXPECT_EQ(issued.error().cause->id, MessageId::CheckBatteryLow);
    EXPECT_EQ(store_.count("custody_entries"), entries);
    auto audit = store_.audit_after(seq);
    ASSERT_FALSE(audit.empty());
    EXPECT_EQ(audit.back().action, "checkout_refused");
    EXPECT_NE(sim_slot(1).find("pulses=0"), std::string::npos);
    EXPECT_NE(sim_slot(2).find("pulses=0"), std::string::npos);
}

TEST_F(CabinetCheckoutTest, AnEmptySlotIsPassedOverWithoutTouchingIt) {
    ASSERT_EQ(sim_->command("remove 1"), "ok");  // the ledger still has DSJ0001 in slot 1
    ASSERT_TRUE(cabinet_shows([](const SlotStatus& s) { return s.slot == 1 && !s.camera_present; }));
    auto issued = desk().issue(zhang());
    ASSERT_TRUE(issued.ok()) << log_line(issued.error());
    EXPECT_EQ(issued->grant.slot, 2);
    ASSERT_EQ(issued->passed_over.size(), 1u);
    EXPECT_EQ(issued->passed_over[0].reasons.at(0).id, MessageId::CameraNotDocked);
}

TEST_F(CabinetCheckoutTest, AnOfflineCabinetIssuesNothing) {
    sim_->kill_and_reap(SIGKILL);
    const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (monitor_->online() && std::chrono::steady_clock::now() < limit)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_FALSE(monitor_->online());
    const auto entries = store_.count("custody_entries");
    auto issued = desk().issue(zhang());
    ASSERT_FALSE(issued.ok());
    EXPECT_EQ(issued.error().id, MessageId::CabinetNotReady);
    EXPECT_EQ(store_.count("custody_entries"), entries);
    EXPECT_EQ(camera(1).get("user_no"), "000000");
}

}  // namespace
}  // namespace custody::test
