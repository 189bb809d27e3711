#pragma once
// Issuing a camera at shift start: badge -> officer -> no blocking condition -> the best
// ready device of the officer's unit (R6, R7, R10, R14), recorded in one transaction.

#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

namespace custody {

struct CheckoutRequest {
    std::string badge_uid;
    std::optional<std::string> partner_badge_uid;  // R10
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
    Result<CheckoutGrant> run(const CheckoutRequest& request);

private:
    CustodyStore& store_;
    const Clock& clock_;
};

}  // namespace custody
