#pragma once
// A realistic agency for the demo: four units, forty officers with Chinese names,
// twenty-four cameras and a month of shifts, all produced by driving the real services
// (import, checkout, return, footage offload, health check) on a simulated clock.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"
#include "kiosk/core/footage_archive.h"
#include "kiosk/core/media_probe.h"

namespace custody::cli {

struct DemoOfficer {
    std::string number;
    std::string name;
    std::string unit_code;
    std::string role;
    std::string badge;
    bool active = true;
};

struct DemoDevice {
    std::string serial;
    std::string brand;
    std::string model;
    std::string firmware;
    std::string unit_code;
    std::string keeper;
    int slot = 0;  // 0: kept outside the cabinet
};

struct DemoAgency {
    std::vector<DemoOfficer> officers;
    std::vector<DemoDevice> devices;
    std::string units_csv() const;
    std::string officers_csv() const;
    std::string devices_csv() const;
    std::string badges_csv() const;
};

DemoAgency make_demo_agency();

// Where the month's footage goes: the archive and media probe of the real offload, and a
// folder for the volumes of the stand-in cameras (demo_camera.h), one folder a camera.
struct DemoFootage {
    FootageArchive& archive;
    MediaProbe& probe;
    std::string cameras_dir;
};

struct DemoStats {
    int checkouts = 0;
    int returns = 0;
    int refusals = 0;
    std::string try_badge;  // a badge that can check out now
    int offloads = 0;       // complete offload jobs: every returned camera's
    std::int64_t files = 0;  // recordings archived, verified and wiped from the cameras
    std::int64_t bytes = 0;
    int interruption_records = 0;  // custody periods with a gap longer than the policy allows (R13)
};

// Runs `days` days ending yesterday, then today's morning up to `now`. Every camera that
// comes back brings the recordings of its shift, offloaded into `footage.archive` at once,
// as the kiosk offloads a camera when it docks.
Result<DemoStats> run_demo_month(CustodyStore& store, ManualClock& clock, const DemoAgency& agency,
                                 DemoFootage& footage, int days, Timestamp now, std::uint32_t seed);

}  // namespace custody::cli
