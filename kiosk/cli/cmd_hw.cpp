// custodyctl hw: the installer's checks of the hardware beside the kiosk.
#include "kiosk/cli/commands.h"

namespace custody::cli {

int cmd_hw_reader(CliContext& ctx, const std::string& sub, const std::vector<std::string>& words);
int cmd_hw_cabinet(CliContext& ctx, const std::string& sub, const std::vector<std::string>& words);

int cmd_hw(CliContext& ctx, const std::vector<std::string>& words) {
    const std::string sub = words.empty() ? "" : words.front();
    const std::vector<std::string> rest(words.empty() ? words.end() : words.begin() + 1, words.end());
    if (sub == "readers" || sub == "badge") return cmd_hw_reader(ctx, sub, rest);
    if (sub == "cabinet" || sub == "dock") return cmd_hw_cabinet(ctx, sub, rest);
    return ctx.report(usage("hw readers | hw badge | hw cabinet | hw dock"));
}

}  // namespace custody::cli
