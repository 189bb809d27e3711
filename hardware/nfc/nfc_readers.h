#pragma once
// The readers libnfc can see (its own scan, or LIBNFC_DEVICE), for an installer to pick
// the connstring that kiosk.conf's [reader] connstring should hold.

#include <string>
#include <vector>

#include "kiosk/core/result.h"

namespace custody::nfc {

Result<std::vector<std::string>> list_nfc_readers();

}  // namespace custody::nfc
