#pragma once
// The health check of a camera in a cabinet slot, on every docking and before every
// issue (R7, R8, R9): the camera's own battery, storage, clock and firmware, the slot's
// charging, and the officer binding. A clock outside the profile's tolerance is set; a
// fault quarantines the device; the reading is stored for the device either way.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/cabinet_controller.h"
#include "kiosk/core/camera_link.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

namespace custody {

enum class InspectionPurpose {
    Docking,  // the binding is cleared
    Issue,    // the binding names `officer`; the result says whether the device may go out
};

struct InspectionRequest {
    int slot = 0;
    InspectionPurpose purpose = InspectionPurpose::Docking;
    SlotStatus cabinet;              // the cabinet's latest reading of the slot
    std::optional<Officer> officer;  // Issue only
    std::string actor = "kiosk";
};

struct CameraFindings {
    CameraIdentity identity;
    int battery_pct = 0;
    CameraStorage storage;
    std::optional<std::int64_t> clock_offset_found_s;  // none when the camera cannot tell its time
    bool clock_set = false;
    std::int64_t clock_offset_s = 0;                   // after setting, when it was set
    std::optional<OfficerBinding> binding;             // what the camera holds now
};

struct InspectionReport {
    Device device;                // as it stands afterwards: quarantined if faults is not empty
    HealthReading reading;        // as stored
    CameraFindings findings;
    std::vector<Error> faults;    // what takes the device out of service (R9)
    std::vector<Error> problems;  // Issue: every reason it may not go out now (R7); empty: it may
};

class DeviceInspection {
public:
    DeviceInspection(CustodyStore& store, const Clock& clock) : store_(store), clock_(clock) {}

    // Errors only when there is nothing to record: the slot has no device in the ledger,
    // the camera left the slot mid-check, it is another device than the ledger says, or
    // the store failed. A camera that answers wrongly is a fault, recorded and reported.
    Result<InspectionReport> inspect(DockedCamera& camera, const InspectionRequest& request);

private:
    CustodyStore& store_;
    const Clock& clock_;
};

}  // namespace custody
