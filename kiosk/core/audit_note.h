#pragma once
#include <string>

namespace custody {

// What a service tells the audit log about one refusal or state change. The store
// chains, signs and (for ledger rows) links it to the row it describes.
struct AuditNote {
    std::string actor;    // officer number, or "kiosk" / "custodyctl" / "demo"
    std::string action;   // stable code, e.g. "checkout", "checkout_refused"
    std::string subject;  // what it is about: badge UID, device serial, ...
    std::string detail;   // "key=value; key=value", never a secret
};

}  // namespace custody
