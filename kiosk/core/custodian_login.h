#pragma once
// Custodian mode opens with a badge and a PIN: the badge says who, the PIN that it is
// really them (a found badge alone must not open the inventory). Wrong PINs in a row lock
// the officer out for a while; the lockout lives in the database, so restarting the
// kiosk does not lift it.

#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

namespace custody {

struct CustodianSession {
    Officer officer;
    Timestamp since;
};

// Keepers, unit heads, supervisors and administrators; never a plain officer or finance.
bool may_open_custodian_mode(Role role);
// 4..8 ASCII digits.
bool plausible_pin(const std::string& pin);

class CustodianLogin {
public:
    CustodianLogin(CustodyStore& store, const Clock& clock) : store_(store), clock_(clock) {}
    // Badge known, not revoked, officer active, a custodian role, a PIN set, not locked
    // out. Refusals are audited.
    Result<Officer> check_badge(const std::string& badge_uid);
    // As check_badge, then the PIN. A wrong PIN is audited and counted; after the
    // profile's pin_attempts wrong PINs in a row the officer is locked out for
    // pin_lockout_minutes. A right PIN resets the count.
    Result<CustodianSession> login(const std::string& badge_uid, const std::string& pin);
    // Sets or replaces the PIN (4..8 digits). Audited without the PIN.
    Status set_pin(const std::string& officer_number, const std::string& pin, const std::string& actor);

private:
    Result<Officer> check_badge_in(std::unique_ptr<StoreTx>& tx, const std::string& badge_uid,
                                   std::optional<PinState>& pin_state);
    CustodyStore& store_;
    const Clock& clock_;
};

}  // namespace custody
