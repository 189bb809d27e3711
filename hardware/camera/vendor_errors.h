#pragma once
// A vendor call's two results (return value and iRet) → the project's typed Errors, with
// both codes kept in the Error's detail for the log.

#include <string>

#include "hardware/camera/gat947_config.h"
#include "kiosk/core/error.h"

namespace custody::camera {

Error vendor_failure(const std::string& camera, const char* call, int rv, int iret, const Gat947Codes& codes);

}  // namespace custody::camera
