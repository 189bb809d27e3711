#include "kiosk/ui/kiosk_options.h"

#include <cstdlib>
#include <cstdio>

namespace custody::ui {

std::string kiosk_default_db() {
    if (const char* db = std::getenv("CUSTODY_DB"); db && *db) return db;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/custody-kiosk/custody.db";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.local/share/custody-kiosk/custody.db";
    return "/var/lib/custody-kiosk/custody.db";
}

std::string kiosk_default_archive(const std::string& db_path) {
    if (const char* e = std::getenv("CUSTODY_ARCHIVE"); e && *e) return e;
    const auto slash = db_path.rfind('/');
    return (slash == std::string::npos ? std::string(".") : db_path.substr(0, slash)) + "/archive";
}

std::string kiosk_usage() {
    return "用法 / usage: custody-kiosk [--demo] [--db FILE] [--config kiosk.conf] [--archive DIR]\n"
           "                     [--windowed | --full-screen] [--size WxH] [--lang zh|en]\n"
           "  --demo   演示：模拟储存柜、读卡器与执法记录仪，并打开模拟器面板\n"
           "           demo: simulated cabinet, badge reader and cameras, with a simulator panel\n";
}

Result<KioskOptions> parse_kiosk_options(const std::vector<std::string>& args) {
    KioskOptions o;
    auto value = [&](std::size_t& i) -> Result<std::string> {
        if (i + 1 >= args.size()) return fail(Error(MessageId::KioskUsage, {args[i] + " needs a value"}));
        return args[++i];
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--demo") o.demo = true;
        else if (a == "--help" || a == "-h") o.help = true;
        else if (a == "--windowed") o.full_screen = false;
        else if (a == "--full-screen") o.full_screen = true;
        else if (a == "--db" || a == "--config" || a == "--archive" || a == "--size" || a == "--lang") {
            auto v = value(i);
            if (!v) return fail(v.error());
            if (a == "--db") o.db_path = *v;
            else if (a == "--config") o.config_path = *v;
            else if (a == "--archive") o.archive_root = *v;
            else if (a == "--lang") {
                if (*v != "zh" && *v != "en") return fail(Error(MessageId::KioskUsage, {"--lang takes zh or en"}));
                o.lang = *v == "zh" ? Lang::Zh : Lang::En;
            } else if (std::sscanf(v->c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 320 || o.height < 240) {
                return fail(Error(MessageId::KioskUsage, {"--size takes WIDTHxHEIGHT, e.g. 1280x800"}));
            }
        } else {
            return fail(Error(MessageId::KioskUsage, {"unknown argument " + a}));
        }
    }
    if (o.db_path.empty()) o.db_path = kiosk_default_db();
    if (o.archive_root.empty()) o.archive_root = kiosk_default_archive(o.db_path);
    return o;
}

}  // namespace custody::ui
