#pragma once
// The demo's hardware: cabinet-sim and badge-sim as child processes, and a simulated
// GA/T 947.4 camera (a directory libgat947-sim.so serves) for every device of the demo
// database, in its slot or with the officer who holds it. The kiosk reaches them through
// its real adapters; this class only plays the officer's hands: tap a badge, dock a
// camera, take one out.

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <condition_variable>
#include <vector>

#include "hardware/config/hardware_config.h"
#include "kiosk/cli/demo_agency.h"
#include "kiosk/core/custody_store.h"
#include "kiosk/ui/simulator_child.h"

namespace custody::ui {

struct DemoBadge {
    std::string uid;
    std::string name;
    std::string number;
    std::string role;  // code, as in the demo agency
};

class DemoHardware {
public:
    // `work_dir` is emptied and filled: simulator logs, camera directories.
    static Result<std::unique_ptr<DemoHardware>> start(CustodyStore& store, const Clock& clock,
                                                       const std::string& work_dir);
    ~DemoHardware();

    // The configuration the kiosk would read from kiosk.conf for this hardware.
    const config::HardwareConfig& config() const { return config_; }
    const std::string& work_dir() const { return work_; }
    std::vector<DemoBadge> badges() const;

    // The card lies on the reader for a moment, then is lifted.
    Status tap(const std::string& uid);
    // The camera with `serial` goes into an empty slot, carrying what its officer
    // recorded since checkout.
    Status dock(int slot, const std::string& serial);
    // The camera in `slot` is taken out (after an unlock, or by a custodian's hand).
    Status take(int slot);
    Result<std::string> cabinet_status(int slot);

    // Slot -> serial of the simulated camera in it; and the cameras outside the cabinet.
    std::map<int, std::string> docked() const;
    std::vector<std::string> outside() const;
    int slot_count() const { return slot_count_; }

private:
    DemoHardware(CustodyStore& store, const Clock& clock) : store_(store), clock_(clock) {}
    Status make_camera(const std::string& dir, const std::string& serial);
    std::string slot_dir(int slot) const;
    std::string outside_dir(const std::string& serial) const;
    void lift_badges();

    CustodyStore& store_;
    const Clock& clock_;
    std::string work_;
    int slot_count_ = 0;
    config::HardwareConfig config_;
    std::unique_ptr<SimulatorChild> cabinet_;
    std::unique_ptr<SimulatorChild> reader_;
    cli::DemoAgency agency_;
    mutable std::mutex mutex_;
    std::map<int, std::string> docked_;
    std::vector<std::string> outside_;
    std::uint32_t recordings_made_ = 0;

    std::condition_variable lift_wake_;
    std::optional<std::chrono::steady_clock::time_point> lift_at_;
    bool stopping_ = false;
    std::thread lifter_;
};

}  // namespace custody::ui
