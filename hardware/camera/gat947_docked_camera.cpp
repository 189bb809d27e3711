#include "hardware/camera/gat947_docked_camera.h"

#include <sys/statvfs.h>

#include <cctype>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <thread>

#include "hardware/camera/fixed_field_text.h"
#include "hardware/camera/usb_volume_finder.h"
#include "hardware/camera/vendor_errors.h"
#include "hardware/camera/volume_files.h"

namespace custody::camera {
namespace {

constexpr std::size_t kPasswordLength = 6;

// "YYYYMMDDhhmmss" in the kiosk's local time zone → UTC milliseconds.
std::optional<Timestamp> parse_device_time(const char* text) {
    std::string s(text, strnlen(text, 15));
    if (s.size() != 14) return std::nullopt;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    auto num = [&](std::size_t pos, std::size_t len) { return std::stoi(s.substr(pos, len)); };
    std::tm tm{};
    tm.tm_year = num(0, 4) - 1900;
    tm.tm_mon = num(4, 2) - 1;
    tm.tm_mday = num(6, 2);
    tm.tm_hour = num(8, 2);
    tm.tm_min = num(10, 2);
    tm.tm_sec = num(12, 2);
    tm.tm_isdst = -1;
    std::time_t t = std::mktime(&tm);
    if (t == static_cast<std::time_t>(-1)) return std::nullopt;
    return Timestamp{static_cast<std::int64_t>(t) * kMsPerSecond};
}

}  // namespace

Gat947DockedCamera::Gat947DockedCamera(std::shared_ptr<VendorLibrary> lib, Gat947Slot slot)
    : lib_(std::move(lib)), slot_(std::move(slot)), name_(std::to_string(slot_.slot)), password_(slot_.password) {}

Error Gat947DockedCamera::failure(const char* call, int rv, int iret) const {
    Error e = vendor_failure(name_, call, rv, iret, slot_.vendor.codes);
    e.detail += " (" + lib_->path + ")";
    return e;
}

Error Gat947DockedCamera::unsupported(const char* call) const {
    return Error(MessageId::CameraCallUnsupported, {name_, call}, lib_->path + " does not export " + call);
}

Status Gat947DockedCamera::select_locked() {
    if (lib_->selected == slot_.init_code) return {};
    int iret = slot_.vendor.codes.ok;
    void* h = lib_->init_device(slot_.init_code.c_str(), &iret);
    if (h == nullptr) {
        lib_->selected.clear();
        if (iret == slot_.vendor.codes.unplugged)
            return fail(Error(MessageId::CameraUnplugged, {name_}, "Init_Device iRet " + std::to_string(iret)));
        return fail(Error(MessageId::CameraNotFound, {name_},
                          "Init_Device returned NULL, iRet " + std::to_string(iret) + " (" + lib_->path + ")"));
    }
    lib_->selected = slot_.init_code;
    return {};
}

Status Gat947DockedCamera::enter(std::unique_lock<std::mutex>& lock) {
    lock = std::unique_lock(lib_->mutex);
    return select_locked();
}

Status Gat947DockedCamera::open() {
    std::unique_lock<std::mutex> lock;
    // Force Init_Device even if this slot was the library's last device: the camera may
    // have been re-docked since.
    lock = std::unique_lock(lib_->mutex);
    lib_->selected.clear();
    return select_locked();
}

Result<ZFY_INFO> Gat947DockedCamera::read_info_locked() {
    ZFY_INFO info{};
    int iret = slot_.vendor.codes.ok;
    int rv = lib_->get_zfy_info(&info, password_.c_str(), &iret);
    if (!succeeded(rv)) return fail(failure("GetZFYInfo", rv, iret));
    return info;
}

Result<CameraIdentity> Gat947DockedCamera::identify() {
    std::unique_lock<std::mutex> lock;
    CUSTODY_TRY(enter(lock));
    CameraIdentity id;
    char* code = nullptr;
    int iret = slot_.vendor.codes.ok;
    if (lib_->get_id_code(&code, &iret) == nullptr || code == nullptr) return fail(failure("GetIDCode", 0, iret));
    id.maker_model = code;
    auto info = read_info_locked();
    if (!info.ok()) return fail(info.error());
    id.serial = std::string(info->cSerial, strnlen(info->cSerial, sizeof info->cSerial));
    if (lib_->read_firmware != nullptr) {
        char fw[64] = {};
        iret = slot_.vendor.codes.ok;
        int rv = lib_->read_firmware(fw, sizeof fw, password_.c_str(), &iret);
        if (!succeeded(rv)) return fail(failure("ReadFirmwareVersion", rv, iret));
        id.firmware = std::string(fw, strnlen(fw, sizeof fw));
    }
    return id;
}

Status Gat947DockedCamera::authenticate(const std::string& password) {
    // A wrong-length password cannot be right; not sending it spares a lockout counter.
    if (password.size() != kPasswordLength)
        return fail(Error(MessageId::CameraWrongPassword, {name_}, "password is not 6 characters"));
    std::unique_lock<std::mutex> lock;
    CUSTODY_TRY(enter(lock));
    // The standard subset has no login call: any password-checked read proves it.
    int pct = 0;
    int iret = slot_.vendor.codes.ok;
    int rv = lib_->read_battery(&pct, password.c_str(), &iret);
    if (!succeeded(rv)) return fail(failure("ReadDeviceBatteryDumpEnergy", rv, iret));
    password_ = password;
    return {};
}

Result<OfficerBinding> Gat947DockedCamera::read_binding() {
    std::unique_lock<std::mutex> lock;
    CUSTODY_TRY(enter(lock));
    auto info = read_info_locked();
    if (!info.ok()) return fail(info.error());
    const std::string& enc = slot_.vendor.encoding;
    auto no = decode_field(info->userNo, sizeof info->userNo, enc);
    auto name = decode_field(info->userName, sizeof info->userName, enc);
    auto unit_no = decode_field(info->unitNo, sizeof info->unitNo, enc);
    auto unit = decode_field(info->unitName, sizeof info->unitName, enc);
    if (!no || !name || !unit_no || !unit)
        return fail(Error(MessageId::CameraVendorError, {name_, "GetZFYInfo", "-"},
                          "binding fields are not valid " + enc + " (" + lib_->path + ")"));
    return OfficerBinding{*no, *name, *unit_no, *unit};
}

Status Gat947DockedCamera::write_binding(const OfficerBinding& b) {
    const std::string& enc = slot_.vendor.encoding;
    ZFY_INFO info{};
    // Every field is checked before anything is sent: a binding is written whole or not at all.
    struct Field {
        const std::string& text;
        char* dst;
        std::size_t size;
    };
    const Field fields[] = {{b.officer_number, info.userNo, sizeof info.userNo},
                            {b.officer_name, info.userName, sizeof info.userName},
                            {b.unit_code, info.unitNo, sizeof info.unitNo},
                            {b.unit_name, info.unitName, sizeof info.unitName}};
    for (const Field& f : fields) {
        auto bytes = encode_field(f.text, enc, f.size);
        if (!bytes)
            return fail(Error(MessageId::CameraNameTooLong, {f.text, std::to_string(f.size - 1)},
                              "does not fit or cannot be encoded in " + enc));
        std::memcpy(f.dst, bytes->data(), bytes->size());
    }
    if (b.officer_number.empty())
        return fail(Error(MessageId::CameraVendorError, {name_, "WriteZFYInfo", "-"}, "officer number is empty"));
    std::unique_lock<std::mutex> lock;
    CUSTODY_TRY(enter(lock));
    // The serial is the product's own: read it back and send it unchanged.
    auto current = read_info_locked();
    if (!current.ok()) return fail(current.error());
    std::memcpy(info.cSerial, current->cSerial, sizeof info.cSerial);
    int iret = slot_.vendor.codes.ok;
    int rv = lib_->write_zfy_info(&info, password_.c_str(), &iret);
    if (!succeeded(rv)) return fail(failure("WriteZFYInfo", rv, iret));
    return {};
}

Result<Timestamp> Gat947DockedCamera::read_clock() {
    if (lib_->read_dev_time == nullptr) return fail(unsupported("ReadDevTime"));
    std::unique_lock<std::mutex> lock;
    CUSTODY_TRY(enter(lock));
    char text[32] = {};
    int iret = slot_.vendor.codes.ok;
    int rv = lib_->read_dev_time(text, password_.c_str(), &iret);
    if (!succeeded(rv)) return fail(failure("ReadDevTime", rv, iret));
    auto t = parse_device_time(text);
    if (!t)
        return fail(Error(MessageId::CameraVendorError, {name_, "ReadDevTime", "-"},
                          std::string("unreadable device time \"") + text + "\""));
    return *t;
}

Status Gat947DockedCamera::sync_clock() {
    std::unique_lock<std::mutex> lock;
    CUSTODY_TRY(enter(lock));
    int iret = slot_.vendor.codes.ok;
    int rv = lib_->sync_dev_time(password_.c_str(), &iret);
    if (!succeeded(rv)) return fail(failure("SyncDevTime", rv, iret));
    return {};
}

Result<int> Gat947DockedCamera::battery_pct() {
    std::unique_lock<std::mutex> lock;
    CUSTODY_TRY(enter(lock));
    int pct = 0;
    int iret = slot_.vendor.codes.ok;
    int rv = lib_->read_battery(&pct, password_.c_str(), &iret);
    if (!succeeded(rv)) return fail(failure("ReadDeviceBatteryDumpEnergy", rv, iret));
    if (pct < 0 || pct > 100)
        return fail(Error(MessageId::CameraVendorError, {name_, "ReadDeviceBatteryDumpEnergy", "-"},
                          "battery " + std::to_string(pct) + "% is out of range"));
    return pct;
}

Result<CameraStorage> Gat947DockedCamera::storage() {
    if (lib_->read_storage != nullptr) {
        std::unique_lock<std::mutex> lock;
        CUSTODY_TRY(enter(lock));
        long long total = 0, free = 0;
        int iret = slot_.vendor.codes.ok;
        int rv = lib_->read_storage(&total, &free, password_.c_str(), &iret);
        if (!succeeded(rv)) return fail(failure("ReadDeviceStorage", rv, iret));
        return CameraStorage{total, free};
    }
    // Without the extension the mounted volume itself says how big it is.
    if (!mounted_) return fail(unsupported("ReadDeviceStorage"));
    struct statvfs fs {};
    if (statvfs(mounted_->c_str(), &fs) != 0)
        return fail(Error(MessageId::CameraStorageError, {name_, *mounted_}, "statvfs failed"));
    constexpr std::int64_t mib = 1024 * 1024;
    return CameraStorage{static_cast<std::int64_t>(fs.f_blocks) * static_cast<std::int64_t>(fs.f_frsize) / mib,
                         static_cast<std::int64_t>(fs.f_bavail) * static_cast<std::int64_t>(fs.f_frsize) / mib};
}

Result<std::string> Gat947DockedCamera::mass_storage_path() {
    if (mounted_) return *mounted_;
    {
        std::unique_lock<std::mutex> lock;
        CUSTODY_TRY(enter(lock));
        int iret = slot_.vendor.codes.ok;
        int rv = lib_->set_msdc(password_.c_str(), &iret);
        if (!succeeded(rv)) return fail(failure("SetMSDC", rv, iret));
    }
    auto volume = wait_for_volume();
    if (!volume.ok()) return fail(volume.error());
    mounted_ = *volume;
    return *mounted_;
}

Result<std::string> Gat947DockedCamera::look_for_volume() const {
    if (!slot_.usb_port.empty()) {
        auto found = find_usb_volume(name_, slot_.usb_port);
        if (!found.ok()) return fail(found.error());
        return found->mount_point;
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(slot_.mount_path, ec))
        return fail(Error(MessageId::CameraVolumeNotMounted, {name_, slot_.mount_path}, "no directory"));
    return slot_.mount_path;
}

Status Gat947DockedCamera::volume_still_there(const std::string& root) const {
    // A volume that vanished after the switch means the camera left the dock. With a port,
    // the mount point may outlive the mount as an empty directory: an empty listing then
    // must not pass for a camera without recordings, so the mount itself is checked.
    if (!slot_.usb_port.empty()) {
        auto now = find_usb_volume(name_, slot_.usb_port);
        if (now.ok() && now->mount_point == root) return {};
        if (!now.ok() && !volume_may_still_appear(now.error())) return fail(now.error());
        return fail(Error(MessageId::CameraUnplugged, {name_},
                          root + " is no longer mounted from USB port " + slot_.usb_port +
                              (now.ok() ? "" : ": " + log_line(now.error()))));
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec))
        return fail(Error(MessageId::CameraUnplugged, {name_}, root + " is gone"));
    return {};
}

Result<std::string> Gat947DockedCamera::wait_for_volume() const {
    // The camera re-enumerates as a USB disk and is mounted by the system; wait for it.
    auto deadline = std::chrono::steady_clock::now() + slot_.mount_timeout;
    for (;;) {
        auto volume = look_for_volume();
        if (volume.ok()) return volume;
        Error e = volume.error();
        // A udev or mount table failure will not clear by waiting: report it now.
        if (!volume_may_still_appear(e)) return fail(std::move(e));
        if (std::chrono::steady_clock::now() >= deadline) {
            e.detail += " after " + std::to_string(slot_.mount_timeout.count()) + " ms";
            return fail(std::move(e));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

Result<std::vector<RecordingFile>> Gat947DockedCamera::recordings() {
    auto root = mass_storage_path();
    if (!root.ok()) return fail(root.error());
    CUSTODY_TRY(volume_still_there(*root));
    return list_volume(name_, *root);
}

Status Gat947DockedCamera::delete_recording(const RecordingFile& f) {
    auto root = mass_storage_path();
    if (!root.ok()) return fail(root.error());
    CUSTODY_TRY(volume_still_there(*root));
    return delete_from_volume(name_, *root, f);
}

}  // namespace custody::camera
