#include "kiosk/cli/hw_options.h"

namespace custody::cli {

Result<config::HardwareConfig> hardware_config(const Args& a) {
    auto c = config::load_hardware_config(a.get("config").value_or(config::default_config_path()));
    if (!c) return c;
    if (auto r = a.get("reader")) {
        if (*r == "pn532") c->reader = config::ReaderKind::Pn532;
        else if (*r == "wedge") c->reader = config::ReaderKind::Wedge;
        else return fail(usage("--reader is pn532 or wedge"));
    }
    if (auto s = a.get("connstring")) c->pn532.connstring = *s;
    if (auto d = a.get("device")) c->wedge.device = *d;
    if (auto l = a.get("cabinet")) {
        auto link = config::parse_cabinet_link(*l);
        if (!link) return fail(link.error());
        c->cabinet = *link;
    }
    return c;
}

}  // namespace custody::cli
