#include "hardware/camera/vendor_errors.h"

namespace custody::camera {

Error vendor_failure(const std::string& camera, const char* call, int rv, int iret, const Gat947Codes& codes) {
    std::string detail = std::string(call) + " returned " + std::to_string(rv) + ", iRet " + std::to_string(iret);
    if (iret == codes.wrong_password) return Error(MessageId::CameraWrongPassword, {camera}, detail);
    // The device was there when the slot was opened: losing it now means the cable or dock.
    if (iret == codes.unplugged || iret == codes.no_device) return Error(MessageId::CameraUnplugged, {camera}, detail);
    if (iret == codes.storage) return Error(MessageId::CameraStorageError, {camera, call}, detail);
    return Error(MessageId::CameraVendorError, {camera, call, std::to_string(iret)}, detail);
}

}  // namespace custody::camera
