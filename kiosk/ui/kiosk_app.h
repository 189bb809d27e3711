#pragma once
// The wx application: reads the command line, opens the store and the hardware (or, in
// --demo, the demo database and the simulators), and puts the kiosk on the screen.

#include <wx/app.h>
#include <wx/timer.h>

#include <memory>

#include "kiosk/ui/demo_hardware.h"
#include "kiosk/ui/kiosk_frame.h"
#include "kiosk/ui/kiosk_options.h"
#include "kiosk/ui/kiosk_rig.h"
#include "kiosk/ui/sim_control.h"

namespace custody::ui {

class KioskApp : public wxApp {
public:
    // The command line, read by main() before the toolkit starts.
    static void use_options(const KioskOptions& o);
    ~KioskApp() override;
    bool OnInit() override;
    int OnExit() override;

private:
    Status start(const KioskOptions& o);
    Status start_demo(const KioskOptions& o, RigOptions& rig);
    std::string control(const std::string& line);
    void show_failure(const Error& e);
    void shutdown();

    SystemClock rig_clock_;
    std::unique_ptr<db::SqliteStore> demo_store_;
    std::unique_ptr<DemoHardware> demo_;
    std::unique_ptr<KioskRig> rig_;
    std::unique_ptr<terminal::KioskTerminal> terminal_;
    std::unique_ptr<SimControl> control_;
    KioskFrame* frame_ = nullptr;
    wxTimer stop_watch_;
    static KioskOptions options_;
};

}  // namespace custody::ui
