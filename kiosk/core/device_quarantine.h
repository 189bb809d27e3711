#pragma once
// R9: a custodian takes a faulty or damaged device out of service, and puts it back when
// it has been looked at. Release does not make a device issuable by itself: it still has
// to pass the pre-use check (R7) before anyone gets it.

#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

namespace custody {

class DeviceQuarantine {
public:
    DeviceQuarantine(CustodyStore& store, const Clock& clock) : store_(store), clock_(clock) {}
    // A device in service or docked; refuses (audited) an unknown device, an empty reason,
    // one already quarantined, and one that is out, in repair, lost or disposed.
    Status quarantine(const std::string& serial, const std::string& reason, const std::string& actor);
    // Only a quarantined device sitting in a slot: back to in service, or to docked when
    // its footage has not been offloaded yet. Closes its open fault reports.
    Status release(const std::string& serial, const std::string& actor);

private:
    CustodyStore& store_;
    const Clock& clock_;
};

// The same step inside a caller's transaction (a fault report quarantines as it files).
Status quarantine_in(StoreTx& tx, Device device, const std::string& reason, const std::string& actor);

}  // namespace custody
