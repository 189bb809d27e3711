#pragma once
// Single changes to the registry a custodian makes by hand: revoke a lost badge, take an
// officer off or back on duty, change one policy number. Each is audited.

#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

namespace custody {

Status revoke_badge(CustodyStore& store, const Clock& clock, const std::string& uid, const std::string& reason,
                    const std::string& actor);
Status set_officer_active(CustodyStore& store, const std::string& number, bool active, const std::string& actor);
Result<AgencyProfile> change_profile(CustodyStore& store, const std::string& key, const std::string& value,
                                     const std::string& actor);

}  // namespace custody
