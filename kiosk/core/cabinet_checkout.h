#pragma once
// Issuing a camera at the cabinet: the officer's ready devices are checked live in their
// slots, best first, until one passes (R7) and is bound to the officer; the ledger entry
// is written; the slot's lock is pulsed and the door must be seen open. Then the camera
// must be seen leaving the slot. When either never happens the checkout is voided, the
// binding cleared again, and a lock that stuck quarantines the camera behind it (R9).

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/cabinet_monitor.h"
#include "kiosk/core/checkout.h"
#include "kiosk/core/device_inspection.h"

namespace custody {

struct CabinetCheckoutTimings {
    std::chrono::milliseconds door_opens{3000};  // after the pulse
    std::chrono::milliseconds camera_taken{30000};  // after the door opened: the officer's countdown
};

struct PassedOver {
    std::string device_serial;
    int slot = 0;
    std::vector<Error> reasons;
};

struct CabinetIssue {
    CheckoutGrant grant;
    InspectionReport inspection;
    std::vector<PassedOver> passed_over;  // checked before this one and found not ready
};

class CabinetCheckout {
public:
    CabinetCheckout(CustodyStore& store, const Clock& clock, CameraLink& cameras, CabinetMonitor& cabinet,
                    CabinetCheckoutTimings timings = {})
        : store_(store), clock_(clock), cameras_(cameras), cabinet_(cabinet), timings_(timings) {}

    // Returns once the door is open. A refusal (badge, officer, nothing ready) is audited.
    Result<CabinetIssue> issue(const CheckoutRequest& request);
    // Waits for the camera to leave its slot; voids the checkout when it does not in time.
    // A cabinet that goes offline meanwhile leaves the checkout standing: the camera may
    // well be gone with the officer, and a later docking returns it.
    Status await_taken(const CabinetIssue& issued);

    // The screen counts down the same time await_taken waits.
    const CabinetCheckoutTimings& timings() const { return timings_; }

private:
    std::optional<SlotStatus> slot_reading(int slot) const;
    // Voids, then checks the camera as docked again (which clears its binding and
    // quarantines it behind a stuck lock). Returns `why` for the caller to report.
    Error undo(const CheckoutGrant& grant, const std::string& reason, Error why);
    void recheck_docked(int slot);

    CustodyStore& store_;
    const Clock& clock_;
    CameraLink& cameras_;
    CabinetMonitor& cabinet_;
    CabinetCheckoutTimings timings_;
};

}  // namespace custody
