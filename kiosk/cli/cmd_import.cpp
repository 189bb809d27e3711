#include <fstream>
#include <sstream>

#include "kiosk/cli/commands.h"
#include "kiosk/core/registry_import.h"

namespace custody::cli {

int cmd_import(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {}, {});
    if (!a) return ctx.report(a.error());
    if (a->positional.size() != 2) return ctx.report(usage("import units|officers|devices|badges FILE.csv"));
    const std::string& what = a->positional[0];
    RegistryKind kind;
    if (what == "units") kind = RegistryKind::Units;
    else if (what == "officers") kind = RegistryKind::Officers;
    else if (what == "devices") kind = RegistryKind::Devices;
    else if (what == "badges") kind = RegistryKind::Badges;
    else return ctx.report(usage("import units|officers|devices|badges FILE.csv"));

    const std::string& path = a->positional[1];
    std::ifstream in(path, std::ios::binary);
    if (!in) return ctx.report(Error(MessageId::FileUnreadable, {path, "cannot open"}));
    std::stringstream buf;
    buf << in.rdbuf();
    if (in.bad()) return ctx.report(Error(MessageId::FileUnreadable, {path, "read error"}));

    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    RegistryImport import(**store, ctx.clock, "custodyctl");
    auto report = import.run(kind, buf.str(), path);
    if (!report) return ctx.report(report.error());
    ctx.out << ctx.text(MessageId::ImportDone, {std::to_string(report->records), path}) << '\n';
    return kExitOk;
}

}  // namespace custody::cli
