#pragma once
// Custodian mode in the demo: every keeper and unit head gets the demo PIN, and some of
// the month's unrecorded custody periods get the officer's interruption record, most
// reviewed by the unit head and the latest left for review (R13).

#include <string>

#include "kiosk/cli/demo_agency.h"

namespace custody::cli {

inline constexpr const char* kDemoCustodianPin = "246810";

struct DemoCustodianStats {
    int pins = 0;                    // keepers and unit heads given kDemoCustodianPin
    int interruptions_reviewed = 0;  // records filed and reviewed
    int interruptions_pending = 0;   // records filed, awaiting review
};

Result<DemoCustodianStats> run_demo_custodian(CustodyStore& store, const Clock& clock, const DemoAgency& agency);

}  // namespace custody::cli
