#pragma once
// A checkout whose camera never left its slot (the door did not open, or the officer did
// not take it in time) is closed by a voided entry: the ledger keeps both lines, and the
// device is back in its slot as it was, not "returned" with footage to offload.

#include <string>

#include "kiosk/core/checkout.h"

namespace custody {

class CheckoutVoid {
public:
    CheckoutVoid(CustodyStore& store, const Clock& clock) : store_(store), clock_(clock) {}
    // `reason` is a stable code for the audit: "door_not_opened", "camera_not_taken".
    Result<Device> run(const CheckoutGrant& grant, const std::string& reason);

private:
    CustodyStore& store_;
    const Clock& clock_;
};

}  // namespace custody
