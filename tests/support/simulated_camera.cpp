#include "tests/support/simulated_camera.h"

#include <iconv.h>

#include <fstream>
#include <locale>
#include <sstream>
#include <stdexcept>

#include "kiosk/core/agency_time.h"
#include "tests/support/run_command.h"

namespace fs = std::filesystem;

namespace custody::test {
namespace {

// ffmpeg is a test dependency (installed by the deps script): a missing one fails loudly.
void ffmpeg(const std::vector<std::string>& args, const fs::path& out) {
    std::vector<std::string> argv = {"ffmpeg", "-hide_banner", "-loglevel", "error", "-y"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back(out.string());
    auto r = run_command(argv);
    if (r.exit_code != 0 || !fs::exists(out) || fs::file_size(out) == 0)
        throw std::runtime_error("ffmpeg failed to make " + out.string() + ": " + r.err);
}

// The camera's wall clock at `t` in its zone, by date(1) in a child with its own TZ:
// an oracle independent of the code under test, and no setenv in this process.
std::string local_time(Timestamp t, const char* format) {
    const long long secs = t.ms / 1000 - (t.ms % 1000 < 0 ? 1 : 0);
    auto r = run_command({"date", "-d", "@" + std::to_string(secs), std::string("+") + format},
                         {{"TZ", SimulatedCamera::kTimeZone}});
    if (r.exit_code != 0 || r.out.empty()) throw std::runtime_error("date failed: " + r.err);
    if (r.out.back() == '\n') r.out.pop_back();
    return r.out;
}

std::string seconds_text(double seconds) {
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << seconds;
    return s.str();
}

}  // namespace

SimulatedCamera::SimulatedCamera(fs::path dir, const std::string& serial) : dir_(std::move(dir)) {
    fs::create_directories(volume());
    write({{"serial", serial},
           {"id_code", kIdCode},
           {"firmware", "V2.1.0"},
           {"password", kPassword},
           {"battery_pct", "95"},
           {"clock_offset_s", "0"},
           {"storage_total_mb", "32768"},
           {"user_no", "000000"},
           {"user_name_gbk", ""},
           {"unit_no", ""},
           {"unit_name_gbk", ""},
           {"fault_wrong_password", "0"},
           {"fault_storage_error", "0"},
           {"fault_unplugged", "0"}});
}

void SimulatedCamera::record_media() { record_media_at(SystemClock().now()); }

void SimulatedCamera::record_media_at(Timestamp start) {
    auto media = volume() / "DCIM" / "100MEDIA";
    fs::create_directories(media);
    fs::create_directories(volume() / "AUDIO");
    record_video("DCIM/100MEDIA/VID0001.MP4", start, 1);
    // WAV has no creation_time; the BWF bext chunk holds an origination date and time.
    ffmpeg({"-f", "lavfi", "-i", "sine=duration=1", "-write_bext", "1", "-metadata",
            "origination_date=" + local_time(start, "%Y-%m-%d"), "-metadata",
            "origination_time=" + local_time(start, "%H:%M:%S")},
           volume() / "AUDIO" / "AUD0001.WAV");
    const fs::path photo = media / "IMG0001.JPG";
    ffmpeg({"-f", "lavfi", "-i", "testsrc=size=160x120", "-frames:v", "1"}, photo);
    // exiftool is a test dependency like ffmpeg, which writes no EXIF.
    auto r = run_command({"exiftool", "-q", "-overwrite_original",
                          "-DateTimeOriginal=" + local_time(start, "%Y:%m:%d %H:%M:%S"), photo.string()});
    if (r.exit_code != 0) throw std::runtime_error("exiftool failed on " + photo.string() + ": " + r.err);
}

fs::path SimulatedCamera::record_video(const std::string& relative_path, Timestamp start, double seconds) {
    const fs::path out = volume() / relative_path;
    fs::create_directories(out.parent_path());
    ffmpeg({"-f", "lavfi", "-i", "testsrc=duration=" + seconds_text(seconds) + ":size=160x120:rate=10", "-c:v",
            "mpeg4", "-metadata", "creation_time=" + format_utc_iso(start)},
           out);
    return out;
}

std::map<std::string, std::string> SimulatedCamera::state() const {
    std::map<std::string, std::string> state;
    std::ifstream in(dir_ / "state.ini");
    std::string line;
    while (std::getline(in, line)) {
        auto eq = line.find('=');
        if (eq != std::string::npos) state[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return state;
}

std::string SimulatedCamera::get(const std::string& key) const {
    auto s = state();
    auto it = s.find(key);
    return it == s.end() ? std::string() : it->second;
}

void SimulatedCamera::set(const std::string& key, const std::string& value) {
    auto s = state();
    s[key] = value;
    write(s);
}

void SimulatedCamera::write(const std::map<std::string, std::string>& state) const {
    // Written aside and renamed, as the library does, so it never reads half a file.
    const fs::path tmp = dir_ / "state.ini.test";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << "[device]\n";
        for (const auto& [k, v] : state) out << k << '=' << v << '\n';
        if (!out) throw std::runtime_error("cannot write " + tmp.string());
    }
    fs::rename(tmp, dir_ / "state.ini");
}

camera::Gat947Slot SimulatedCamera::slot_config(int slot, const std::string& library) const {
    camera::Gat947Slot s;
    s.slot = slot;
    s.vendor.library_path = library;
    s.init_code = std::string(kIdCode) + "@" + dir_.string();
    s.mount_path = volume().string();
    s.password = kPassword;
    s.mount_timeout = std::chrono::milliseconds(0);
    return s;
}

std::string gbk_hex(const std::string& utf8) {
    iconv_t cd = iconv_open("GBK", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("no GBK converter");
    std::string in = utf8, out(utf8.size() * 2 + 4, '\0');
    char* ip = in.data();
    char* op = out.data();
    std::size_t il = in.size(), ol = out.size();
    const bool ok = iconv(cd, &ip, &il, &op, &ol) != static_cast<std::size_t>(-1);
    iconv_close(cd);
    if (!ok) throw std::runtime_error("not encodable in GBK: " + utf8);
    out.resize(out.size() - ol);
    static const char* digits = "0123456789ABCDEF";
    std::string hex;
    for (unsigned char c : out) {
        hex += digits[c >> 4];
        hex += digits[c & 0xF];
    }
    return hex;
}

}  // namespace custody::test
