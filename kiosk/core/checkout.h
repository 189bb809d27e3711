#pragma once
// Issuing a camera at shift start: badge -> officer -> no blocking condition -> the best
// ready device of the officer's unit (R6, R7, R10, R14), recorded in one transaction.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

namespace custody {

struct CheckoutRequest {
    std::string badge_uid;
    std::optional<std::string> partner_badge_uid;  // R10
    // Issue this device or none: the one the cabinet has just checked live (R7).
    std::optional<std::string> device_serial;
};

// Who is asking and what could go to them, best first: what a checkout would do, with
// nothing written but the audited refusals.
struct CheckoutPlan {
    Officer officer;
    std::optional<Officer> partner;
    std::vector<DockedDevice> ready;
};

struct CheckoutGrant {
    Id entry_id = 0;
    Officer officer;
    std::optional<Officer> partner;
    Device device;
    int slot = 0;
};

class Checkout {
public:
    Checkout(CustodyStore& store, const Clock& clock) : store_(store), clock_(clock) {}
    Result<CheckoutPlan> plan(const CheckoutRequest& request);
    Result<CheckoutGrant> run(const CheckoutRequest& request);

private:
    Result<CheckoutPlan> plan_in(std::unique_ptr<StoreTx>& tx, const CheckoutRequest& request, Timestamp now);

    CustodyStore& store_;
    const Clock& clock_;
};

}  // namespace custody
