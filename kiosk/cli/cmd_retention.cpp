// custodyctl retention: what has outlived its retention period, clearing it after a
// keeper's review, and keeping footage long-term (R18, R20).
#include <iomanip>
#include <map>
#include <sstream>

#include "kiosk/cli/commands.h"
#include "kiosk/cli/footage_session.h"
#include "kiosk/cli/text_table.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/core/csv.h"
#include "kiosk/core/footage_retention.h"

namespace custody::cli {

namespace {

std::string size_text(std::int64_t bytes) {
    std::ostringstream s;
    const bool small = bytes < 1024 * 1024;
    s << std::fixed << std::setprecision(1) << static_cast<double>(bytes) / (small ? 1024.0 : 1024.0 * 1024.0)
      << (small ? " KB" : " MB");
    return s.str();
}

std::string start_of(const Recording& r) {
    if (r.corrected_start) return format_local(*r.corrected_start);
    if (r.media.started_at) return format_local(*r.media.started_at);
    return "";
}

int list_due(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"format"}, {});
    if (!a) return ctx.report(a.error());
    const std::string format = a->get("format").value_or("table");
    if (format != "table" && format != "csv") return ctx.report(usage("--format is table or csv"));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto begun = (*store)->begin();
    if (!begun) return ctx.report(begun.error());
    StoreTx& tx = **begun;
    auto profile = tx.profile();
    if (!profile) return ctx.report(profile.error());
    auto archived = tx.archived_recordings();
    if (!archived) return ctx.report(archived.error());
    auto due = due_for_purge(*archived, *profile, ctx.clock.now());
    std::map<Id, std::string> serials;
    for (const auto& r : due) {
        if (serials.count(r.job_id)) continue;
        auto job = tx.offload_job(r.job_id);
        if (!job) return ctx.report(job.error());
        serials[r.job_id] = *job ? (*job)->device_serial : "";
    }
    if (format == "csv") {
        ctx.out << "recording_id,device_serial,started_local,committed_local,expired_on,archive_path,bytes,sha256\n";
        for (const auto& r : due) {
            std::vector<std::string> cells = {std::to_string(r.id), serials[r.job_id], start_of(r),
                                              format_local(*r.committed_at),
                                              format_local(*retention_expiry(r, *profile)), r.archive_path,
                                              std::to_string(r.bytes), r.sha256};
            for (std::size_t i = 0; i < cells.size(); ++i) ctx.out << (i ? "," : "") << csv_escape(cells[i]);
            ctx.out << '\n';
        }
        return kExitOk;
    }
    if (due.empty()) {
        ctx.out << ctx.pick("没有超过保存期限的一般录像（保存期 ", "No ordinary footage has outlived its retention (")
                << profile->retention_days << ctx.pick(" 天）。\n", " days).\n");
        return kExitOk;
    }
    TextTable t({ctx.pick("录像", "Recording"), ctx.pick("设备", "Device"), ctx.pick("开始", "Started"),
                 ctx.pick("入库", "Committed"), ctx.pick("到期", "Expired on"), ctx.pick("存档位置", "Archive path"),
                 ctx.pick("大小", "Size")});
    for (const auto& r : due)
        t.add({std::to_string(r.id), serials[r.job_id], start_of(r), format_local(*r.committed_at),
               format_local_date(*retention_expiry(r, *profile)), r.archive_path, size_text(r.bytes)});
    ctx.out << ctx.pick("超过保存期限、待保管员审核清除的一般录像（R18，保存期 ",
                        "Ordinary footage past its retention, for a keeper to review (R18, ")
            << profile->retention_days << ctx.pick(" 天）：", " days): ") << due.size() << '\n';
    t.print(ctx.out);
    return kExitOk;
}

Result<Id> recording_option(const Args& a, const char* use) {
    Id id = 0;
    if (!parse_number(a.get("recording"), id) || id < 1) return fail(usage(use));
    return id;
}

int purge(CliContext& ctx, const std::vector<std::string>& words) {
    const char* use = "retention purge --recording ID --approver NUMBER --reason TEXT";
    auto a = parse_args(words, {"recording", "approver", "reason"}, {});
    if (!a) return ctx.report(a.error());
    auto id = recording_option(*a, use);
    if (!id) return ctx.report(id.error());
    auto approver = a->get("approver");
    if (!approver || approver->empty()) return ctx.report(usage(use));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto session = open_footage(ctx, **store);
    if (!session) return ctx.report(session.error());
    FootageRetention retention(**store, ctx.clock, *session->archive);
    // A missing --reason goes to the service, which refuses it on the record (R18).
    auto done = retention.purge({*id, *approver, a->get("reason").value_or("")});
    if (!done) return ctx.report(done.error());
    const Recording& r = done->recording;
    // Gone is what a repeated purge expects; for a fresh one it is worth a line.
    if (done->file_already_gone && !done->completed_earlier_purge)
        ctx.out << ctx.text(MessageId::PurgeFileAlreadyGone, {ctx.archive_root + "/" + r.archive_path}) << '\n';
    const char* what = ctx.pick("已清除录像 ", "Cleared recording ");
    if (done->completed_earlier_purge && done->file_already_gone)
        what = ctx.pick("此前已清除录像 ", "Already cleared: recording ");
    else if (done->completed_earlier_purge)
        what = ctx.pick("已完成此前记录的清除：录像 ", "Finished the earlier purge of recording ");
    ctx.out << what
            << r.id << " (" << r.archive_path << ")" << ctx.pick("，审核人 ", ", approved by ") << done->approver.name
            << " (" << done->approver.number << ")" << ctx.pick("，理由：", ", reason: ") << r.purge_reason
            << ctx.pick("，清除时间 ", ", at ") << format_local(*r.purged_at) << '\n'
            << ctx.pick("记录保留：SHA-256 ", "The record stays: SHA-256 ") << r.sha256 << '\n';
    return kExitOk;
}

int keep(CliContext& ctx, const std::vector<std::string>& words) {
    const char* use = "retention keep --recording ID --reason CODE";
    auto a = parse_args(words, {"recording", "reason"}, {});
    if (!a) return ctx.report(a.error());
    auto id = recording_option(*a, use);
    if (!id) return ctx.report(id.error());
    auto code = a->get("reason");
    if (!code) return ctx.report(usage(std::string(use) + "; CODE: " + allowed_codes(kLongTermReasons)));
    auto reason = parse_named(kLongTermReasons, *code);
    if (!reason)
        return ctx.report(Error(MessageId::LongTermReasonUnknown, {*code, allowed_codes(kLongTermReasons)}));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto session = open_footage(ctx, **store);
    if (!session) return ctx.report(session.error());
    FootageRetention retention(**store, ctx.clock, *session->archive);
    auto r = retention.keep_long_term(*id, *reason, "custodyctl");
    if (!r) return ctx.report(r.error());
    const auto& n = named(kLongTermReasons, *reason);
    ctx.out << ctx.pick("录像 ", "Recording ") << r->id << ctx.pick(" 已列为长期保存（R20）：", " is kept long-term (R20): ")
            << (ctx.zh() ? n.zh : n.en) << '\n';
    return kExitOk;
}

}  // namespace

int cmd_retention(CliContext& ctx, const std::vector<std::string>& words) {
    const std::string sub = words.empty() ? "" : words.front();
    const std::vector<std::string> rest(words.begin() + (words.empty() ? 0 : 1), words.end());
    if (sub == "due") return list_due(ctx, rest);
    if (sub == "purge") return purge(ctx, rest);
    if (sub == "keep") return keep(ctx, rest);
    return ctx.report(usage("retention due [--format table|csv] | retention purge --recording ID --approver NUMBER "
                            "--reason TEXT | retention keep --recording ID --reason CODE"));
}

}  // namespace custody::cli
