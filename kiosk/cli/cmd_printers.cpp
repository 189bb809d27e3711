// custodyctl printers: the print server's queues, which one reports print on, and whether
// each takes and prints jobs (issue 6; the reports serve R5, R13, R20, R21).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/cli/commands.h"
#include "kiosk/cli/text_table.h"
#include "reports/cups_printer.h"

namespace custody::cli {

namespace {

// The profile's print_queue, when there is a database to read it from.
std::optional<std::string> profile_queue(CliContext& ctx) {
    if (!std::filesystem::exists(ctx.paths.db)) return std::nullopt;
    auto store = ctx.open_store();
    if (!store) return std::nullopt;
    auto tx = (*store)->begin();
    if (!tx) return std::nullopt;
    auto profile = (*tx)->profile();
    if (!profile) return std::nullopt;
    return profile->print_queue;
}

}  // namespace

int cmd_printers(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {}, {});
    if (!a) return ctx.report(a.error());
    if (!a->positional.empty()) return ctx.report(usage("unexpected " + a->positional.front()));

    reports::CupsPrinter printer;
    auto queues = printer.queues();
    if (!queues) return ctx.report(queues.error());  // the print server is the environment: exit 4
    if (queues->empty()) {
        ctx.out << ctx.text(MessageId::PrintNoQueue) << '\n';
        return kExitOk;
    }

    TextTable t({ctx.pick("队列", "Queue"), ctx.pick("默认", "Default"), ctx.pick("接受任务", "Accepting"),
                 ctx.pick("状态", "State"), ctx.pick("说明", "Description")});
    for (const auto& q : *queues) {
        std::string state = q.stopped ? ctx.pick("已暂停", "stopped") : ctx.pick("就绪", "ready");
        if (q.stopped && !q.state_message.empty()) state += ctx.pick("（", " (") + q.state_message + ctx.pick("）", ")");
        std::string accepting = q.accepting ? ctx.pick("是", "yes") : ctx.pick("否", "no");
        if (!q.accepting && !q.stopped && !q.state_message.empty())
            accepting += ctx.pick("（", " (") + q.state_message + ctx.pick("）", ")");
        t.add({q.name, q.is_default ? ctx.pick("是", "yes") : "", accepting, state, q.description});
    }
    t.print(ctx.out);

    // Which queue the reports go to: the profile's print_queue, else the server's default.
    const auto chosen = profile_queue(ctx);
    if (chosen && !chosen->empty()) {
        bool known = false;
        for (const auto& q : *queues) known = known || q.name == *chosen;
        ctx.out << ctx.pick("报表打印队列（配置项 print_queue）：", "Reports print on (profile print_queue): ") << *chosen
                << (known ? "" : ctx.pick("——该队列不存在", " - no such queue")) << '\n';
    } else {
        std::string def;
        for (const auto& q : *queues)
            if (q.is_default) def = q.name;
        ctx.out << ctx.pick("报表打印队列：打印服务器默认队列 ", "Reports print on the print server's default queue: ")
                << (def.empty() ? ctx.pick("（未设置）", "(none set)") : def) << '\n';
    }
    return kExitOk;
}

}  // namespace custody::cli
