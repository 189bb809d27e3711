// custodyctl interruption: the officer's record of why recording stopped or could not be
// used (R13), filed against the offload job whose coverage showed the gap.
#include <limits>

#include "kiosk/cli/commands.h"
#include "kiosk/cli/text_table.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/core/interruption_log.h"
#include "kiosk/core/interruption_review.h"

namespace custody::cli {

namespace {

int add(CliContext& ctx, const std::vector<std::string>& words) {
    const std::string use = "interruption add --job ID --officer NUMBER --reason CODE --basis TEXT; CODE: " +
                            allowed_codes(kInterruptionReasons);
    auto a = parse_args(words, {"job", "officer", "reason", "basis"}, {});
    if (!a) return ctx.report(a.error());
    Id job = 0;
    if (!parse_number(a->get("job"), job) || job < 1 || !a->get("officer") || !a->get("reason"))
        return ctx.report(usage(use));
    auto reason = parse_named(kInterruptionReasons, *a->get("reason"));
    if (!reason)
        return ctx.report(
            Error(MessageId::InterruptionReasonUnknown, {*a->get("reason"), allowed_codes(kInterruptionReasons)}));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    InterruptionLog log(**store, ctx.clock);
    // A missing --basis goes to the service, which refuses it on the record (R13).
    auto r = log.add({job, *a->get("officer"), *reason, a->get("basis").value_or(""), "custodyctl"});
    if (!r) return ctx.report(r.error());
    const auto& n = named(kInterruptionReasons, r->reason);
    ctx.out << ctx.pick("已记录执法记录中断情况说明（R13）：编号 ", "Interruption record made (R13): ") << r->id
            << ctx.pick("，导出任务 ", ", job ") << r->job_id << ctx.pick("，原因：", ", reason: ")
            << (ctx.zh() ? n.zh : n.en) << ctx.pick("，请单位负责人审核后归档", "; for the unit head to review and file")
            << '\n';
    return kExitOk;
}

int list(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"job"}, {});
    if (!a) return ctx.report(a.error());
    Id only = 0;
    if (a->get("job") && (!parse_number(a->get("job"), only) || only < 1))
        return ctx.report(usage("interruption list [--job ID]"));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto begun = (*store)->begin();
    if (!begun) return ctx.report(begun.error());
    StoreTx& tx = **begun;
    std::vector<OffloadJob> jobs;
    if (only) {
        auto job = tx.offload_job(only);
        if (!job) return ctx.report(job.error());
        if (!*job) return ctx.report(Error(MessageId::JobUnknown, {std::to_string(only)}));
        jobs.push_back(**job);
    } else {
        auto recent = tx.recent_jobs(std::numeric_limits<int>::max());
        if (!recent) return ctx.report(recent.error());
        jobs = std::move(*recent);
    }
    TextTable t({ctx.pick("编号", "Record"), ctx.pick("任务", "Job"), ctx.pick("设备", "Device"),
                 ctx.pick("民警", "Officer"), ctx.pick("警号", "Number"), ctx.pick("原因", "Reason"),
                 ctx.pick("经过与依据", "Basis"), ctx.pick("记录时间", "Recorded")});
    for (const auto& j : jobs) {
        auto records = tx.interruptions_of_job(j.id);
        if (!records) return ctx.report(records.error());
        for (const auto& r : *records) {
            auto officer = tx.officer(r.officer_id);
            if (!officer) return ctx.report(officer.error());
            const auto& n = named(kInterruptionReasons, r.reason);
            t.add({std::to_string(r.id), std::to_string(r.job_id), j.device_serial, *officer ? (*officer)->name : "",
                   *officer ? (*officer)->number : "", std::string(ctx.zh() ? n.zh : n.en), r.basis,
                   format_local(r.recorded_at)});
        }
    }
    if (t.empty()) ctx.out << ctx.pick("（没有执法记录中断情况说明）\n", "(no interruption records)\n");
    else t.print(ctx.out);
    return kExitOk;
}

// Records no unit head has reviewed yet (R13), oldest first.
int pending(CliContext& ctx, const std::vector<std::string>& words) {
    if (!words.empty()) return ctx.report(usage("interruption pending"));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto records = InterruptionReview(**store, ctx.clock).pending();
    if (!records) return ctx.report(records.error());
    auto begun = (*store)->begin();
    if (!begun) return ctx.report(begun.error());
    StoreTx& tx = **begun;
    TextTable t({ctx.pick("编号", "Record"), ctx.pick("任务", "Job"), ctx.pick("设备", "Device"),
                 ctx.pick("民警", "Officer"), ctx.pick("警号", "Number"), ctx.pick("单位", "Unit"),
                 ctx.pick("原因", "Reason"), ctx.pick("经过与依据", "Basis"), ctx.pick("记录时间", "Recorded")});
    for (const auto& r : *records) {
        auto officer = tx.officer(r.officer_id);
        if (!officer) return ctx.report(officer.error());
        auto job = tx.offload_job(r.job_id);
        if (!job) return ctx.report(job.error());
        std::string unit;
        if (*officer) {
            auto u = tx.unit((*officer)->unit_id);
            if (!u) return ctx.report(u.error());
            if (*u) unit = (*u)->name;
        }
        const auto& n = named(kInterruptionReasons, r.reason);
        t.add({std::to_string(r.id), std::to_string(r.job_id), *job ? (*job)->device_serial : "",
               *officer ? (*officer)->name : "", *officer ? (*officer)->number : "", unit,
               std::string(ctx.zh() ? n.zh : n.en), r.basis, format_local(r.recorded_at)});
    }
    if (t.empty()) ctx.out << ctx.pick("（没有待审核的执法记录中断情况说明）\n", "(no interruption records await review)\n");
    else t.print(ctx.out);
    return kExitOk;
}

int approve(CliContext& ctx, const std::vector<std::string>& words) {
    const std::string use = "interruption approve --id N --by NUMBER [--note TEXT]";
    auto a = parse_args(words, {"id", "by", "note"}, {});
    if (!a) return ctx.report(a.error());
    Id id = 0;
    if (!parse_number(a->get("id"), id) || id < 1 || !a->get("by") || !a->positional.empty())
        return ctx.report(usage(use));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    Officer reviewer;
    {
        auto begun = (*store)->begin();
        if (!begun) return ctx.report(begun.error());
        auto o = (*begun)->officer_by_number(*a->get("by"));
        if (!o) return ctx.report(o.error());
        if (!*o) return ctx.report(Error(MessageId::OfficerUnknown, {*a->get("by")}));
        reviewer = **o;
    }
    if (auto s = InterruptionReview(**store, ctx.clock).approve(id, reviewer, a->get("note").value_or("")); !s)
        return ctx.report(s.error());
    ctx.out << ctx.pick("执法记录中断情况说明 ", "Interruption record ") << id
            << ctx.pick(" 已审核归档（R13），审核人 ", " reviewed and filed (R13) by ") << reviewer.name << " ("
            << reviewer.number << ")\n";
    return kExitOk;
}

}  // namespace

int cmd_interruption(CliContext& ctx, const std::vector<std::string>& words) {
    const std::string sub = words.empty() ? "" : words.front();
    const std::vector<std::string> rest(words.begin() + (words.empty() ? 0 : 1), words.end());
    if (sub == "add") return add(ctx, rest);
    if (sub == "list") return list(ctx, rest);
    if (sub == "pending") return pending(ctx, rest);
    if (sub == "approve") return approve(ctx, rest);
    return ctx.report(usage("interruption add --job ID --officer NUMBER --reason CODE --basis TEXT | "
                            "interruption list [--job ID] | interruption pending | "
                            "interruption approve --id N --by NUMBER [--note TEXT]"));
}

}  // namespace custody::cli
