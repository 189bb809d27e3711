// custodyctl evidence: footage held as evidence of a case, its package with the
// explanatory note and disc image, and the burnt copies on record (R19, R20, R21).
#include <filesystem>

#include "kiosk/archive/iso_image.h"
#include "kiosk/cli/commands.h"
#include "kiosk/cli/footage_session.h"
#include "kiosk/cli/text_table.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/core/evidence_package.h"
#include "kiosk/core/footage_retention.h"

namespace custody::cli {

namespace {

std::string default_evidence_dir(const std::string& db_path) {
    auto slash = db_path.rfind('/');
    return (slash == std::string::npos ? std::string(".") : db_path.substr(0, slash)) + "/evidence";
}

// The storage port finds exports by case; a copy is asked for by export id, so the
// case is looked up here and the service checks the two belong together.
Result<std::string> case_of_export(db::SqliteStore& store, Id export_id) {
    auto q = store.connection().prepare("SELECT case_number FROM evidence_exports WHERE id=?");
    if (!q) return fail(q.error());
    q->bind(1, export_id);
    auto row = q->step();
    if (!row) return fail(row.error());
    return *row ? q->text(0) : std::string();
}

int hold(CliContext& ctx, const std::vector<std::string>& words) {
    const char* use = "evidence hold --recording ID --case NO";
    auto a = parse_args(words, {"recording", "case"}, {});
    if (!a) return ctx.report(a.error());
    Id id = 0;
    if (!parse_number(a->get("recording"), id) || id < 1 || !a->get("case")) return ctx.report(usage(use));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto session = open_footage(ctx, **store);
    if (!session) return ctx.report(session.error());
    FootageRetention retention(**store, ctx.clock, *session->archive);
    auto r = retention.classify_evidence(id, *a->get("case"), "custodyctl");
    if (!r) return ctx.report(r.error());
    ctx.out << ctx.pick("录像 ", "Recording ") << r->id << ctx.pick(" 已作为案件 ", " is held as evidence of case ")
            << r->case_number << ctx.pick(" 的证据随案保存（R19）", " and kept with its case file (R19)");
    if (r->retention == RetentionClass::LongTerm)
        ctx.out << ctx.pick("；仍为长期保存", "; it stays kept long-term");
    ctx.out << '\n';
    return kExitOk;
}

int export_case(CliContext& ctx, const std::vector<std::string>& words) {
    const char* use = "evidence export --case NO --maker NAME --extractor NAME [--out DIR]";
    auto a = parse_args(words, {"case", "maker", "extractor", "out"}, {});
    if (!a) return ctx.report(a.error());
    if (!a->get("case")) return ctx.report(usage(use));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto session = open_footage(ctx, **store);
    if (!session) return ctx.report(session.error());
    archive::XorrisoEvidenceMedia media;
    EvidencePackager packager(**store, ctx.clock, *session->archive, media);
    EvidenceExportRequest req;
    req.case_number = *a->get("case");
    // Missing names go to the service, which refuses them on the record (R19).
    req.maker = a->get("maker").value_or("");
    req.extractor = a->get("extractor").value_or("");
    req.out_dir = a->get("out").value_or(default_evidence_dir(ctx.paths.db));
    auto pkg = packager.export_case(req);
    if (!pkg) return ctx.report(pkg.error());
    const EvidenceExport& e = pkg->record;
    ctx.out << ctx.pick("证据已导出：案件 ", "Evidence exported: case ") << e.case_number
            << ctx.pick("，导出编号 ", ", export ") << e.id << ctx.pick("，", ", ") << e.recordings
            << ctx.pick(" 个文件，均已读回校验", " files, each read back and checked") << '\n'
            << ctx.pick("文件夹：", "Folder: ") << e.folder << '\n'
            << ctx.pick("说明：", "Note: ") << pkg->note_path << '\n'
            << ctx.pick("校验：", "Checksums: ") << pkg->sums_path << '\n'
            << ctx.pick("光盘映像：", "Disc image: ") << e.iso_path << '\n'
            << ctx.pick("映像 SHA-256：", "Image SHA-256: ") << e.iso_sha256 << '\n';
    for (const auto& f : pkg->files)
        ctx.out << "  " << f.name << "  " << f.device_serial << "  sha256 " << f.recording.sha256 << '\n';
    ctx.out << ctx.pick("刻录两份光盘后请登记：custodyctl evidence copy --export ",
                        "Burn two discs, then record each: custodyctl evidence copy --export ")
            << e.id << '\n';
    return kExitOk;
}

int copy(CliContext& ctx, const std::vector<std::string>& words) {
    const char* use = "evidence copy --export ID [--label TEXT]";
    auto a = parse_args(words, {"export", "label"}, {});
    if (!a) return ctx.report(a.error());
    Id id = 0;
    if (!parse_number(a->get("export"), id) || id < 1) return ctx.report(usage(use));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto case_number = case_of_export(**store, id);
    if (!case_number) return ctx.report(case_number.error());
    auto session = open_footage(ctx, **store);
    if (!session) return ctx.report(session.error());
    archive::XorrisoEvidenceMedia media;
    EvidencePackager packager(**store, ctx.clock, *session->archive, media);
    auto c = packager.record_copy({id, *case_number, a->get("label"), "custodyctl"});
    if (!c) return ctx.report(c.error());
    ctx.out << ctx.pick("已登记证据光盘：导出 ", "Disc recorded: export ") << c->export_id << ctx.pick("，第 ", ", copy ")
            << c->copy_number << ctx.pick(" 份，标签：", ", label: ") << c->label << '\n';
    if (c->copy_number < 2)
        ctx.out << ctx.text(MessageId::EvidenceCopiesShort, {std::to_string(c->copy_number)}) << '\n';
    return kExitOk;
}

int list(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"case"}, {});
    if (!a) return ctx.report(a.error());
    if (!a->get("case")) return ctx.report(usage("evidence list --case NO"));
    const std::string case_number = *a->get("case");
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto begun = (*store)->begin();
    if (!begun) return ctx.report(begun.error());
    StoreTx& tx = **begun;
    auto rows = tx.recordings_of_case(case_number);
    if (!rows) return ctx.report(rows.error());
    auto exports = tx.evidence_exports_of_case(case_number);
    if (!exports) return ctx.report(exports.error());
    ctx.out << ctx.pick("案件 ", "Case ") << case_number << ctx.pick("：", ": ") << rows->size()
            << ctx.pick(" 个录像，", " recordings, ") << exports->size() << ctx.pick(" 次导出", " exports") << '\n';
    if (!rows->empty()) {
        TextTable t({ctx.pick("录像", "Recording"), ctx.pick("任务", "Job"), ctx.pick("保存", "Retention"),
                     ctx.pick("存档位置", "Archive path"), "SHA-256"});
        for (const auto& r : *rows) {
            const auto& k = named(kRetentionClasses, r.retention);
            t.add({std::to_string(r.id), std::to_string(r.job_id), std::string(ctx.zh() ? k.zh : k.en), r.archive_path,
                   r.sha256});
        }
        t.print(ctx.out);
    }
    for (const auto& e : *exports) {
        auto copies = tx.evidence_copies_of(e.id);
        if (!copies) return ctx.report(copies.error());
        ctx.out << '\n'
                << ctx.pick("导出 ", "Export ") << e.id << "  " << format_local(e.made_at)
                << ctx.pick("  制作人 ", "  maker ") << e.maker << ctx.pick("  提取人 ", "  extractor ") << e.extractor
                << "  " << e.recordings << ctx.pick(" 个文件", " files") << '\n'
                << ctx.pick("  文件夹：", "  folder: ") << e.folder << '\n'
                << ctx.pick("  光盘映像：", "  disc image: ") << e.iso_path << "  sha256 " << e.iso_sha256 << '\n';
        for (const auto& c : *copies)
            ctx.out << ctx.pick("  光盘 ", "  disc ") << c.copy_number << ": " << c.label << "  ("
                    << format_local(c.recorded_at) << ", " << c.recorded_by << ")\n";
        if (copies->size() < 2)
            ctx.out << "  ! " << ctx.text(MessageId::EvidenceCopiesShort, {std::to_string(copies->size())}) << '\n';
    }
    return kExitOk;
}

}  // namespace

int cmd_evidence(CliContext& ctx, const std::vector<std::string>& words) {
    const std::string sub = words.empty() ? "" : words.front();
    const std::vector<std::string> rest(words.begin() + (words.empty() ? 0 : 1), words.end());
    if (sub == "hold") return hold(ctx, rest);
    if (sub == "export") return export_case(ctx, rest);
    if (sub == "copy") return copy(ctx, rest);
    if (sub == "list") return list(ctx, rest);
    return ctx.report(usage("evidence hold --recording ID --case NO | evidence export --case NO --maker NAME "
                            "--extractor NAME [--out DIR] | evidence copy --export ID [--label TEXT] | "
                            "evidence list --case NO"));
}

}  // namespace custody::cli
