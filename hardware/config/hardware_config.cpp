#include "hardware/config/hardware_config.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "hardware/config/ini_file.h"

namespace custody::config {

namespace {

Error bad(const std::string& source, int line, Error why) {
    return Error(MessageId::ConfigBadLine, {source, std::to_string(line)}).with_cause(std::move(why));
}

bool to_int(const std::string& s, int& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

// One section's entries, consumed key by key, so that whatever is left is unknown.
class Section {
public:
    Section(std::string source, std::string name) : source_(std::move(source)), name_(std::move(name)) {}
    void add(const IniEntry& e) {
        entries_.emplace(e.key, e);
        header_line_ = e.section_line;
    }
    int line() const { return header_line_; }  // of the [section] header

    std::optional<IniEntry> take(const std::string& key) {
        auto it = entries_.find(key);
        if (it == entries_.end()) return std::nullopt;
        IniEntry e = it->second;
        entries_.erase(it);
        return e;
    }
    Status text(const std::string& key, std::string& out) {
        if (auto e = take(key)) out = e->value;
        return {};
    }
    Status number(const std::string& key, int& out, int min, int max) {
        auto e = take(key);
        if (!e) return {};
        int v = 0;
        if (!to_int(e->value, v) || v < min || v > max)
            return fail(bad(source_, e->line,
                            Error(MessageId::ConfigNumberRange, {key, std::to_string(min), std::to_string(max)})));
        out = v;
        return {};
    }
    Status millis(const std::string& key, std::chrono::milliseconds& out, int max) {
        int v = static_cast<int>(out.count());
        CUSTODY_TRY(number(key, v, 0, max));
        out = std::chrono::milliseconds(v);
        return {};
    }
    Status no_leftovers() const {
        if (entries_.empty()) return {};
        const IniEntry& e = entries_.begin()->second;
        return fail(bad(source_, e.line, Error(MessageId::ConfigUnknownKey, {e.key, name_})));
    }

private:
    std::string source_, name_;
    std::map<std::string, IniEntry> entries_;
    int header_line_ = 0;
};

Status read_reader(Section& s, HardwareConfig& c, const std::string& source) {
    if (auto kind = s.take("kind")) {
        if (kind->value == "pn532") c.reader = ReaderKind::Pn532;
        else if (kind->value == "wedge") c.reader = ReaderKind::Wedge;
        else return fail(bad(source, kind->line, Error(MessageId::ConfigChoice, {"kind", "pn532", "wedge"})));
    }
    CUSTODY_TRY(s.text("connstring", c.pn532.connstring));
    CUSTODY_TRY(s.text("device", c.wedge.device));
    if (auto f = s.take("format")) {
        auto v = nfc::parse_wedge_uid_format(f->value);
        if (!v) return fail(bad(source, f->line, Error(MessageId::ConfigChoice, {"format", "hex", "decimal10"})));
        c.wedge.format = *v;
    }
    if (auto o = s.take("byte_order")) {
        auto v = nfc::parse_decimal10_byte_order(o->value);
        if (!v) return fail(bad(source, o->line, Error(MessageId::ConfigChoice, {"byte_order", "little", "big"})));
        c.wedge.byte_order = *v;
    }
    CUSTODY_TRY(s.millis("debounce_ms", c.wedge.debounce, 60000));
    CUSTODY_TRY(s.millis("poll_ms", c.pn532.poll_interval, 10000));
    if (c.reader == ReaderKind::Wedge && c.wedge.device.empty())
        return fail(bad(source, s.line(), Error(MessageId::ConfigNeeds, {"[reader] kind = wedge",
                                                                         "device = /dev/input/by-id/...-event-kbd"})));
    return s.no_leftovers();
}

Status read_cabinet(Section& s, HardwareConfig& c, const std::string& source) {
    auto link = s.take("link");
    if (!link) return s.no_leftovers();
    auto parsed = parse_cabinet_link(link->value);
    if (!parsed) return fail(bad(source, link->line, parsed.error()));
    CabinetLinkConfig cab = *parsed;
    CUSTODY_TRY(s.number("unit_id", cab.unit_id, 1, 247));
    CUSTODY_TRY(s.number("attempts", cab.attempts, 1, 10));
    CUSTODY_TRY(s.millis("timeout_ms", cab.response_timeout, 10000));
    c.cabinet = cab;
    return s.no_leftovers();
}

bool to_time_of_day(const std::string& s, int& minutes) {
    int h = 0, m = 0;
    if (s.size() != 5 || s[2] != ':' || !to_int(s.substr(0, 2), h) || !to_int(s.substr(3), m) || h > 23 || m > 59)
        return false;
    minutes = h * 60 + m;
    return true;
}

Status read_display(Section& s, HardwareConfig& c, const std::string& source) {
    for (auto [key, field] : {std::pair{"awake_from", &DisplayHours::awake_from},
                              std::pair{"awake_until", &DisplayHours::awake_until}}) {
        auto e = s.take(key);
        if (e && !to_time_of_day(e->value, c.display.*field))
            return fail(bad(source, e->line, Error(MessageId::ConfigBadValue, {e->value, "HH:MM"})));
    }
    return s.no_leftovers();
}

// [camera] holds what every slot shares; [slot.N] may override any of it.
Status read_camera_keys(Section& s, camera::Gat947Slot& slot) {
    CUSTODY_TRY(s.text("library", slot.vendor.library_path));
    CUSTODY_TRY(s.text("encoding", slot.vendor.encoding));
    CUSTODY_TRY(s.text("password", slot.password));
    CUSTODY_TRY(s.text("init_code", slot.init_code));
    CUSTODY_TRY(s.millis("mount_timeout_ms", slot.mount_timeout, 600000));
    auto& codes = slot.vendor.codes;
    CUSTODY_TRY(s.number("bc_success", codes.bc_success, -100000, 100000));
    CUSTODY_TRY(s.number("code_ok", codes.ok, -100000, 100000));
    CUSTODY_TRY(s.number("code_wrong_password", codes.wrong_password, -100000, 100000));
    CUSTODY_TRY(s.number("code_no_device", codes.no_device, -100000, 100000));
    CUSTODY_TRY(s.number("code_unplugged", codes.unplugged, -100000, 100000));
    CUSTODY_TRY(s.number("code_storage", codes.storage, -100000, 100000));
    return {};
}

}  // namespace

std::string default_config_path() {
    if (const char* e = std::getenv("CUSTODY_CONF"); e && *e) return e;
    const std::string system = "/etc/custody-kiosk/kiosk.conf";
    std::error_code ec;
    if (std::filesystem::exists(system, ec)) return system;
    std::string base;
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) base = x;
    else if (const char* h = std::getenv("HOME"); h && *h) base = std::string(h) + "/.config";
    else base = ".";
    return base + "/custody-kiosk/kiosk.conf";
}

Result<CabinetLinkConfig> parse_cabinet_link(const std::string& text) {
    auto usage = [&] {
        return fail(Error(MessageId::ConfigBadValue, {text, "tcp:HOST:PORT | rtu:DEVICE[@BAUD]"}));
    };
    if (text.rfind("tcp:", 0) == 0) {
        const std::string rest = text.substr(4);
        auto colon = rest.rfind(':');
        int port = 0;
        if (colon == std::string::npos || colon == 0 || !to_int(rest.substr(colon + 1), port) || port < 1 ||
            port > 65535)
            return usage();
        return CabinetLinkConfig::tcp(rest.substr(0, colon), port);
    }
    if (text.rfind("rtu:", 0) == 0) {
        std::string device = text.substr(4);
        int baud = 115200;
        if (auto at = device.rfind('@'); at != std::string::npos) {
            if (!to_int(device.substr(at + 1), baud) || baud < 1200 || baud > 1000000) return usage();
            device.resize(at);
        }
        if (device.empty()) return usage();
        return CabinetLinkConfig::rtu(device, baud);
    }
    return usage();
}

Result<HardwareConfig> parse_hardware_config(std::string_view text, const std::string& source) {
    auto entries = parse_ini(text, source);
    if (!entries) return fail(entries.error());
    std::map<std::string, Section> sections;
    for (const auto& e : *entries) {
        sections.try_emplace(e.section, source, e.section).first->second.add(e);
    }
    HardwareConfig c;
    c.source = source;
    camera::Gat947Slot shared;
    for (auto& [name, section] : sections) {
        if (name == "reader") CUSTODY_TRY(read_reader(section, c, source));
        else if (name == "cabinet") CUSTODY_TRY(read_cabinet(section, c, source));
        else if (name == "display") CUSTODY_TRY(read_display(section, c, source));
        else if (name == "camera") {
            CUSTODY_TRY(read_camera_keys(section, shared));
            CUSTODY_TRY(section.no_leftovers());
        } else if (name.rfind("slot.", 0) != 0) {
            return fail(bad(source, section.line(), Error(MessageId::ConfigUnknownSection, {name})));
        }
    }
    for (auto& [name, section] : sections) {
        if (name.rfind("slot.", 0) != 0) continue;
        camera::Gat947Slot slot = shared;
        if (!to_int(name.substr(5), slot.slot) || slot.slot < 1 || slot.slot > 999)
            return fail(bad(source, section.line(), Error(MessageId::ConfigSlotSectionName)));
        CUSTODY_TRY(read_camera_keys(section, slot));
        CUSTODY_TRY(section.text("mount_path", slot.mount_path));
        CUSTODY_TRY(section.text("usb_port", slot.usb_port));
        CUSTODY_TRY(section.no_leftovers());
        if (slot.vendor.library_path.empty())
            return fail(bad(source, section.line(), Error(MessageId::ConfigNoCameraLibrary, {name})));
        if (auto s = camera::check_slot(slot); !s)
            return fail(bad(source, section.line(), s.error()));
        c.cameras.push_back(std::move(slot));
    }
    std::sort(c.cameras.begin(), c.cameras.end(), [](const auto& a, const auto& b) { return a.slot < b.slot; });
    return c;
}

Result<HardwareConfig> load_hardware_config(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        HardwareConfig c;
        c.source = path + " (absent)";
        return c;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(Error(MessageId::FileUnreadable, {path, "cannot open"}));
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) return fail(Error(MessageId::FileUnreadable, {path, "read failed"}));
    return parse_hardware_config(text.str(), path);
}

}  // namespace custody::config
