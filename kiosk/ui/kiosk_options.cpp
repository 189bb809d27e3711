#include "kiosk/ui/kiosk_options.h"

#include <cstdio>
#include <cstdlib>

#include "db/store_location.h"

namespace custody::ui {

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
    if (o.db_path.empty()) o.db_path = db::default_db_path();
    if (o.archive_root.empty()) o.archive_root = db::default_archive_root(o.db_path);
    return o;
}

}  // namespace custody::ui
