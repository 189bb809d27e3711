#include "db/audit_verifier.h"
#include "db/head_anchor.h"
#include "kiosk/cli/commands.h"

namespace custody::cli {

int cmd_verify(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {}, {});
    if (!a) return ctx.report(a.error());
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    // One read snapshot for the chain and the rows it vouches for: otherwise a row that a
    // concurrent checkout commits between the two reads looks "inserted by hand". The
    // snapshot starts at verify's first read, after it has read the head anchor, so the
    // anchor can lag the snapshot but never lead it.
    db::Connection& conn = (*store)->connection();
    if (auto s = conn.exec("SAVEPOINT verify"); !s) return ctx.report(s.error());
    auto rep = db::verify_audit(conn, (*store)->key(), db::anchor_path_for(ctx.paths.db));
    (void)conn.exec("RELEASE verify");
    if (!rep) return ctx.report(rep.error());
    if (!rep->intact()) return ctx.report(*rep->broken);
    ctx.out << ctx.text(MessageId::AuditIntact, {std::to_string(rep->entries), std::to_string(rep->records)}) << '\n';
    return kExitOk;
}

}  // namespace custody::cli
