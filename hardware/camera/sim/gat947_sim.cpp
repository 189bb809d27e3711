// libgat947-sim.so: a simulated body-worn camera behind the GA/T 947.4 C interface.
// The standard calls carry no device argument: like a vendor library, this one talks to
// "the device" chosen by Init_Device. Its IDCode argument takes a documented extension,
// "MAKERMODEL@/slot/dir", selecting the slot directory; without '@' the directory comes
// from GAT947_SIM_DIR. State and faults live in <dir>/state.ini (sim_state.h).

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>

#include "hardware/camera/gat947_abi.h"
#include "hardware/camera/sim/sim_state.h"

namespace fs = std::filesystem;
using gat947sim::SimState;

namespace {

std::mutex g_mutex;       // the exports may be called from any thread
std::string g_dir;        // the slot directory chosen by Init_Device; empty before it
std::string g_id_code;    // GetIDCode hands out a pointer into this
int g_handle_token = 0;   // Init_Device returns its address as the opaque handle

int failed(int* iRet, int code) {
    if (iRet != nullptr) *iRet = code;
    return GAT947_SIM_BC_FAILED;
}

int succeeded(int* iRet) {
    if (iRet != nullptr) *iRet = GAT947_SIM_OK;
    return GAT947_SIM_BC_SUCCESS;
}

// The checks every password-protected call makes first, in the order a device would:
// is one open, is it still on the cable, is the password right.
std::optional<SimState> enter(const char* pwd, int& code) {
    code = GAT947_SIM_ERR_NO_DEVICE;
    if (g_dir.empty()) return std::nullopt;
    auto s = SimState::load(g_dir);
    if (!s) return std::nullopt;
    if (s->flag("fault_unplugged")) {
        code = GAT947_SIM_ERR_UNPLUGGED;
        return std::nullopt;
    }
    if (pwd == nullptr || s->flag("fault_wrong_password") || s->get("password") != pwd) {
        code = GAT947_SIM_ERR_PASSWORD;
        return std::nullopt;
    }
    code = GAT947_SIM_OK;
    return s;
}

// True when `bytes` is complete, valid GBK: a name cut in the middle of a double-byte
// character fails here instead of reaching the state file.
bool valid_gbk(const std::string& bytes) {
    iconv_t cd = iconv_open("UTF-8", "GBK");
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    std::string in = bytes;
    std::string out(in.size() * 4 + 4, '\0');
    char* ip = in.data();
    char* op = out.data();
    std::size_t il = in.size(), ol = out.size();
    std::size_t r = iconv(cd, &ip, &il, &op, &ol);
    iconv_close(cd);
    return r != static_cast<std::size_t>(-1) && il == 0;
}

// A fixed field's content, or nullopt when it has no terminating NUL.
std::optional<std::string> field(const char* p, std::size_t size) {
    std::size_t n = strnlen(p, size);
    if (n == size) return std::nullopt;
    return std::string(p, n);
}

void put(char* dst, std::size_t size, const std::string& s) {
    std::memset(dst, 0, size);
    std::memcpy(dst, s.data(), std::min(s.size(), size - 1));
}

// Files on the volume, recursively, with paths relative to it.
bool walk_volume(const SimState& s, std::string& listing, long long& used_bytes) {
    std::error_code ec;
    fs::path root = s.volume();
    used_bytes = 0;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        auto size = static_cast<long long>(it->file_size(ec));
        if (ec) return false;
        used_bytes += size;
        listing += it->path().lexically_relative(root).generic_string() + "\t" + std::to_string(size) + "\n";
    }
    return !ec;
}

}  // namespace

extern "C" {

void* Init_Device(const char* IDCode, int* iRet) {
    std::lock_guard lock(g_mutex);
    std::string code = IDCode != nullptr ? IDCode : "";
    std::string dir;
    auto at = code.find('@');
    if (at != std::string::npos) {
        dir = code.substr(at + 1);
        code.resize(at);
    } else if (const char* env = std::getenv("GAT947_SIM_DIR")) {
        dir = env;
    }
    auto s = SimState::load(dir);
    if (!s || (!code.empty() && code != s->get("id_code"))) {
        failed(iRet, GAT947_SIM_ERR_NO_DEVICE);
        return nullptr;
    }
    if (s->flag("fault_unplugged")) {
        failed(iRet, GAT947_SIM_ERR_UNPLUGGED);
        return nullptr;
    }
    g_dir = dir;
    succeeded(iRet);
    return &g_handle_token;
}

void* GetIDCode(char** IDCode, int* iRet) {
    std::lock_guard lock(g_mutex);
    auto s = g_dir.empty() ? std::nullopt : SimState::load(g_dir);
    if (!s || IDCode == nullptr) {
        failed(iRet, GAT947_SIM_ERR_NO_DEVICE);
        return nullptr;
    }
    if (s->flag("fault_unplugged")) {
        failed(iRet, GAT947_SIM_ERR_UNPLUGGED);
        return nullptr;
    }
    g_id_code = s->get("id_code");
    *IDCode = g_id_code.data();
    succeeded(iRet);
    return &g_handle_token;
}

int SetMSDC(const char* sPwd, int* iRet) {
    std::lock_guard lock(g_mutex);
    int code = 0;
    auto s = enter(sPwd, code);
    if (!s) return failed(iRet, code);
    if (s->flag("fault_storage_error")) return failed(iRet, GAT947_SIM_ERR_STORAGE);
    std::error_code ec;
    fs::create_directories(s->volume(), ec);
    s->set("msdc", "1");
    if (ec || !s->save()) return failed(iRet, GAT947_SIM_ERR_STATE);
    return succeeded(iRet);
}

int SyncDevTime(const char* sPwd, int* iRet) {
    std::lock_guard lock(g_mutex);
    int code = 0;
    auto s = enter(sPwd, code);
    if (!s) return failed(iRet, code);
    // The standard call takes the host's clock: the simulated clock is host + offset.
    s->set("clock_offset_s", "0");
    if (!s->save()) return failed(iRet, GAT947_SIM_ERR_STATE);
    return succeeded(iRet);
}

int ReadDeviceResolution(int* width, int* height, const char* sPwd, int* iRet) {
    std::lock_guard lock(g_mutex);
    int code = 0;
    auto s = enter(sPwd, code);
    if (!s) return failed(iRet, code);
    if (width == nullptr || height == nullptr) return failed(iRet, GAT947_SIM_ERR_ARGUMENT);
    *width = static_cast<int>(s->get_int("width", 1920));
    *height = static_cast<int>(s->get_int("height", 1080));
    return succeeded(iRet);
}

int ReadDeviceBatteryDumpEnergy(int* percent, const char* sPwd, int* iRet) {
    std::lock_guard lock(g_mutex);
    int code = 0;
    auto s = enter(sPwd, code);
    if (!s) return failed(iRet, code);
    if (percent == nullptr) return failed(iRet, GAT947_SIM_ERR_ARGUMENT);
    *percent = static_cast<int>(s->get_int("battery_pct", 100));
    return succeeded(iRet);
}

int GetZFYInfo(ZFY_INFO* info, const char* sPwd, int* iRet) {
    std::lock_guard lock(g_mutex);
    int code = 0;
    auto s = enter(sPwd, code);
    if (!s) return failed(iRet, code);
    if (info == nullptr) return failed(iRet, GAT947_SIM_ERR_ARGUMENT);
    auto name = gat947sim::from_hex(s->get("user_name_gbk"));
    auto unit = gat947sim::from_hex(s->get("unit_name_gbk"));
    if (!name || !unit) return failed(iRet, GAT947_SIM_ERR_STATE);
    put(info->cSerial, sizeof info->cSerial, s->get("serial"));
    put(info->userNo, sizeof info->userNo, s->get("user_no"));
    put(info->userName, sizeof info->userName, *name);
    put(info->unitNo, sizeof info->unitNo, s->get("unit_no"));
    put(info->unitName, sizeof info->unitName, *unit);
    return succeeded(iRet);
}

int WriteZFYInfo(ZFY_INFO* info, const char* sPwd, int* iRet) {
    std::lock_guard lock(g_mutex);
    int code = 0;
    auto s = enter(sPwd, code);
    if (!s) return failed(iRet, code);
    if (info == nullptr) return failed(iRet, GAT947_SIM_ERR_ARGUMENT);
    auto serial = field(info->cSerial, sizeof info->cSerial);
    auto no = field(info->userNo, sizeof info->userNo);
    auto name = field(info->userName, sizeof info->userName);
    auto unit_no = field(info->unitNo, sizeof info->unitNo);
    auto unit = field(info->unitName, sizeof info->unitName);
    // The serial belongs to the product: a binding for another camera is refused.
    if (!serial || !no || !name || !unit_no || !unit || no->empty() ||
        (!serial->empty() && *serial != s->get("serial")) || !valid_gbk(*name) || !valid_gbk(*unit))
        return failed(iRet, GAT947_SIM_ERR_ARGUMENT);
    s->set("user_no", *no);
    s->set("user_name_gbk", gat947sim::to_hex(*name));
    s->set("unit_no", *unit_no);
    s->set("unit_name_gbk", gat947sim::to_hex(*unit));
    if (!s->save()) return failed(iRet, GAT947_SIM_ERR_STATE);
    return succeeded(iRet);
}

int ReadDevTime(char* yyyymmddhhmmss, const char* sPwd, int* iRet) {
    std::lock_guard lock(g_mutex);
    int code = 0;
    auto s = enter(sPwd, code);
    if (!s) return failed(iRet, code);
    if (yyyymmddhhmmss == nullptr) return failed(iRet, GAT947_SIM_ERR_ARGUMENT);
    std::time_t t = std::time(nullptr) + static_cast<std::time_t>(s->get_int("clock_offset_s"));
    std::tm tm{};
    localtime_r(&t, &tm);
    std::strftime(yyyymmddhhmmss, 15, "%Y%m%d%H%M%S", &tm);
    return succeeded(iRet);
}

int ReadFirmwareVersion(char* buf, int bufLen, const char* sPwd, int* iRet) {
    std::lock_guard lock(g_mutex);
    int code = 0;
    auto s = enter(sPwd, code);
    if (!s) return failed(iRet, code);
    if (buf == nullptr || bufLen <= 0) return failed(iRet, GAT947_SIM_ERR_ARGUMENT);
    put(buf, static_cast<std::size_t>(bufLen), s->get("firmware"));
    return succeeded(iRet);
}

int ReadDeviceStorage(long long* totalMB, long long* freeMB, const char* sPwd, int* iRet) {
    std::lock_guard lock(g_mutex);
    int code = 0;
    auto s = enter(sPwd, code);
    if (!s) return failed(iRet, code);
    if (totalMB == nullptr || freeMB == nullptr) return failed(iRet, GAT947_SIM_ERR_ARGUMENT);
    std::string listing;
    long long used = 0;
    if (s->flag("fault_storage_error") || !walk_volume(*s, listing, used))
        return failed(iRet, GAT947_SIM_ERR_STORAGE);
    constexpr long long mib = 1024 * 1024;
    *totalMB = s->get_int("storage_total_mb", 32768);
    *freeMB = std::max(0LL, *totalMB - (used + mib - 1) / mib);
    return succeeded(iRet);
}

int ListRecordings(char* buf, int bufLen, int* needed, const char* sPwd, int* iRet) {
    std::lock_guard lock(g_mutex);
    int code = 0;
    auto s = enter(sPwd, code);
    if (!s) return failed(iRet, code);
    std::string listing;
    long long used = 0;
    if (s->flag("fault_storage_error") || !walk_volume(*s, listing, used))
        return failed(iRet, GAT947_SIM_ERR_STORAGE);
    if (needed != nullptr) *needed = static_cast<int>(listing.size() + 1);
    if (buf == nullptr || bufLen < static_cast<int>(listing.size() + 1))
        return failed(iRet, GAT947_SIM_ERR_ARGUMENT);
    std::memcpy(buf, listing.c_str(), listing.size() + 1);
    return succeeded(iRet);
}

int DeleteRecording(const char* relativePath, const char* sPwd, int* iRet) {
    std::lock_guard lock(g_mutex);
    int code = 0;
    auto s = enter(sPwd, code);
    if (!s) return failed(iRet, code);
    if (relativePath == nullptr) return failed(iRet, GAT947_SIM_ERR_ARGUMENT);
    fs::path rel(relativePath);
    // Only files under the volume: no absolute paths, no climbing out with "..".
    if (rel.empty() || rel.is_absolute() || std::find(rel.begin(), rel.end(), "..") != rel.end())
        return failed(iRet, GAT947_SIM_ERR_ARGUMENT);
    if (s->flag("fault_storage_error")) return failed(iRet, GAT947_SIM_ERR_STORAGE);
    std::error_code ec;
    if (!fs::remove(fs::path(s->volume()) / rel, ec) || ec) return failed(iRet, GAT947_SIM_ERR_STORAGE);
    return succeeded(iRet);
}

}  // extern "C"
