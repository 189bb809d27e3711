#include "tests/hardware/dock/dock_fixture.h"

#include <algorithm>

namespace custody::test {

void DockFixture::SetUp() {
    store_.clock().set(SystemClock().now());
    store_.import(RegistryKind::Units, agency::kUnitsCsv);
    store_.import(RegistryKind::Officers, agency::kOfficersCsv);
    store_.import(RegistryKind::Badges, agency::kBadgesCsv);
    store_.import(RegistryKind::Devices,
                  "serial,kind,brand,model,firmware,unit_code,keeper_number,slot\n"
                  "DSJ0001,body_camera,海康威视,DSJ-K1,V2.1.0,ZD01,100004,1\n"
                  "DSJ0002,body_camera,海康威视,DSJ-K1,V2.1.0,ZD01,100004,2\n"
                  "DSJ0003,body_camera,华为,DSJ-H9,V2.1.0,XJ02,,3\n");
    std::vector<camera::Gat947Slot> slots;
    int slot = 1;
    for (const char* serial : {kCam1, kCam2, kCam3}) {
        cameras_.push_back(std::make_unique<SimulatedCamera>(camera_dirs_.path() / ("slot" + std::to_string(slot)), serial));
        slots.push_back(cameras_.back()->slot_config(slot, GAT947_SIM_PATH));
        ++slot;
    }
    link_ = std::make_unique<camera::Gat947CameraLink>(slots);
}

void DockFixture::TearDown() {
    monitor_.reset();  // no more events, before anything they reach goes away
    cabinet_.reset();
    sim_.reset();
}

void DockFixture::start_cabinet(CabinetListener& listener) {
    sim_ = std::make_unique<SimulatorProcess>(CABINET_SIM_PATH,
                                              std::vector<std::string>{"--slots", "3", "--tcp", "127.0.0.1:0"});
    cabinet_ = std::make_unique<ModbusCabinetController>(CabinetLinkConfig::tcp("127.0.0.1", sim_->tcp_port()));
    monitor_ = std::make_unique<CabinetMonitor>(*cabinet_, listener);
}

bool DockFixture::cabinet_shows(const std::function<bool(const SlotStatus&)>& pred) {
    return monitor_->wait_until(
        [&](const std::vector<SlotStatus>& slots) { return std::any_of(slots.begin(), slots.end(), pred); },
        std::chrono::seconds(10));
}

SlotStatus DockFixture::charging(int slot) {
    SlotStatus s;
    s.slot = slot;
    s.door_closed = true;
    s.camera_present = true;
    s.charge = ChargeState::Charging;
    s.charge_mv = 3950;
    s.charge_ma = 1500;
    s.temperature_dc = 310;
    s.led = LedPattern::Amber;
    return s;
}

std::unique_ptr<DockedCamera> DockFixture::open(int slot) {
    auto c = link_->open(slot);
    if (!c) {
        ADD_FAILURE() << log_line(c.error());
        return nullptr;
    }
    return std::move(*c);
}

Officer DockFixture::officer(const std::string& number) {
    auto tx = store_.store().begin();
    if (!tx) throw std::runtime_error(log_line(tx.error()));
    auto o = (*tx)->officer_by_number(number);
    if (!o || !*o) throw std::runtime_error("no officer " + number);
    return **o;
}

}  // namespace custody::test
