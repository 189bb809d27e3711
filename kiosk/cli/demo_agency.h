#pragma once
// A realistic agency for the demo: four units, forty officers with Chinese names,
// twenty-four cameras and a month of shifts, all produced by driving the real services
// (import, checkout, return, health check, offload completion) on a simulated clock.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

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

struct DemoStats {
    int checkouts = 0;
    int returns = 0;
    int refusals = 0;
    std::string try_badge;  // a badge that can check out now
};

// Runs `days` days ending yesterday, then today's morning up to `now`.
Result<DemoStats> run_demo_month(CustodyStore& store, ManualClock& clock, const DemoAgency& agency, int days,
                                 Timestamp now, std::uint32_t seed);

}  // namespace custody::cli
