#include "db/audit_verifier.h"
#include "db/head_anchor.h"
#include "kiosk/cli/commands.h"
#include "kiosk/cli/footage_session.h"
#include "kiosk/core/archive_check.h"

namespace custody::cli {

namespace {

// R12, R16: every archived file read back from disk against the database and the
// job's SHA256SUMS; every problem is named, not only the first.
int verify_archive(CliContext& ctx, CustodyStore& store) {
    auto session = open_footage(ctx, store);
    if (!session) return ctx.report(session.error());
    auto checked = check_archive(store, *session->archive);
    if (!checked) return ctx.report(checked.error());
    for (const auto& p : checked->problems) ctx.out << render(p, ctx.lang) << '\n';
    ctx.out << ctx.text(checked->problems.empty() ? MessageId::ArchiveIntact : MessageId::ArchiveDamaged,
                        {std::to_string(checked->files_checked), std::to_string(checked->manifests_checked),
                         std::to_string(checked->problems.size())})
            << '\n';
    return checked->problems.empty() ? kExitOk : kExitTampered;
}

}  // namespace

int cmd_verify(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {}, {"archive"});
    if (!a) return ctx.report(a.error());
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    if (a->flags.count("archive")) return verify_archive(ctx, **store);
    // verify_audit reads the chain and the ledger in one snapshot, so a kiosk writing at
    // the same time cannot make a fresh row look inserted by hand.
    auto rep = db::verify_audit((*store)->connection(), (*store)->key(), db::anchor_path_for(ctx.paths.db));
    if (!rep) return ctx.report(rep.error());
    if (!rep->intact()) return ctx.report(*rep->broken);
    ctx.out << ctx.text(MessageId::AuditIntact, {std::to_string(rep->entries), std::to_string(rep->records)}) << '\n';
    return kExitOk;
}

}  // namespace custody::cli
