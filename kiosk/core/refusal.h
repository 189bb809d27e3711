#pragma once
#include <string>

#include "kiosk/core/custody_store.h"

namespace custody {

// A refusal is audited in its own transaction (the refused one was rolled back), then
// handed back to the caller. If even the audit cannot be written, that failure wins:
// the kiosk must not refuse silently.
Error refuse(CustodyStore& store, Error reason, const std::string& actor, const std::string& action,
             const std::string& subject);

}  // namespace custody
