#pragma once
// A camera has appeared in a cabinet slot: find out which one, close its custody entry
// (or record an unexpected return), and give it the docking health check. The camera
// then waits for its offload (R14, R15).

#include <optional>

#include "kiosk/core/custody_return.h"
#include "kiosk/core/device_inspection.h"
#include "kiosk/core/footage_offload.h"

namespace custody {

struct DockArrivalReport {
    int slot = 0;
    // None when the ledger already had this device in this slot (the kiosk restarted, or
    // the camera was re-seated): nothing was returned, only the check was run again.
    std::optional<ReturnReceipt> returned;
    InspectionReport inspection;
};

// What the offload of this docking needs from it: the custody entry it closed, and the
// clock offset the check measured before it set the clock (start times are corrected
// with it, R21).
OffloadRequest offload_request_for(const DockArrivalReport& report, const std::string& actor = "kiosk");

class DockArrival {
public:
    DockArrival(CustodyStore& store, const Clock& clock, CameraLink& cameras)
        : store_(store), clock_(clock), cameras_(cameras) {}

    // DockUnidentified (audited) when nothing in the slot answers as a known camera.
    Result<DockArrivalReport> run(int slot, const SlotStatus& cabinet);

private:
    CustodyStore& store_;
    const Clock& clock_;
    CameraLink& cameras_;
};

}  // namespace custody
