#include "db/audit_verifier.h"
#include "db/head_anchor.h"
#include "kiosk/cli/commands.h"

namespace custody::cli {

int cmd_verify(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {}, {});
    if (!a) return ctx.report(a.error());
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    // verify_audit reads the chain and the ledger in one snapshot, so a kiosk writing at
    // the same time cannot make a fresh row look inserted by hand.
    auto rep = db::verify_audit((*store)->connection(), (*store)->key(), db::anchor_path_for(ctx.paths.db));
    if (!rep) return ctx.report(rep.error());
    if (!rep->intact()) return ctx.report(*rep->broken);
    ctx.out << ctx.text(MessageId::AuditIntact, {std::to_string(rep->entries), std::to_string(rep->records)}) << '\n';
    return kExitOk;
}

}  // namespace custody::cli
