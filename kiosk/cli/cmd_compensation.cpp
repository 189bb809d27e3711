// custodyctl compensation: loss and damage cases (R26) — open (the liable person comes
// from the ledger, the amount from the asset card), the reviews custodian → unit head →
// finance, the officer's acknowledgement, payments, a waiver; show and list.
#include "kiosk/cli/commands.h"
#include "kiosk/cli/text_table.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/core/asset_card_import.h"
#include "kiosk/core/compensation_cases.h"

namespace custody::cli {

namespace {

const char* kCompensationUsage =
    "compensation open --cause poor_keeping|misuse|deliberate|force_majeure (--fault-report ID | --device SERIAL "
    "[--reconciliation ID]) [--loss] [--at \"YYYY-MM-DD HH:MM\"] [--note TEXT] | review CASE --by NUMBER "
    "(--approve|--reject) --reason TEXT | acknowledge CASE --by NUMBER | pay CASE --by NUMBER --amount YUAN --on DATE "
    "--receipt NUMBER | waive CASE --by NUMBER --reason TEXT | show CASE | list";

template <class Table, class E>
std::string shown(const CliContext& ctx, const Table& table, E v) {
    const auto& n = named(table, v);
    return std::string(ctx.zh() ? n.zh : n.en);
}

Result<Id> case_number(const Args& a) {
    Id id = 0;
    if (a.positional.size() != 2 || !parse_number(std::optional(a.positional[1]), id))
        return fail(usage(kCompensationUsage));
    return id;
}

Result<CaseOpening> opening_of(const Args& a) {
    CaseOpening o;
    auto cause = parse_named(kCompensationCauses, a.get("cause").value_or(""));
    if (!cause)
        return fail(Error(MessageId::CsvBadValue,
                          {"--cause", a.get("cause").value_or(""), allowed_codes(kCompensationCauses)}));
    o.cause = *cause;
    o.loss = a.has("loss");
    o.note = a.get("note").value_or("");
    o.serial = a.get("device").value_or("");
    if (a.get("fault-report")) {
        Id id = 0;
        if (!parse_number(a.get("fault-report"), id)) return fail(usage("--fault-report ID"));
        o.source = CaseSource::FaultReport;
        o.fault_report_id = id;
    } else if (a.get("reconciliation")) {
        Id id = 0;
        if (!parse_number(a.get("reconciliation"), id)) return fail(usage("--reconciliation ID"));
        o.source = CaseSource::Reconciliation;
        o.reconciliation_id = id;
    }
    if (o.source != CaseSource::FaultReport && o.serial.empty()) return fail(usage(kCompensationUsage));
    if (auto at = a.get("at")) {
        auto t = parse_local(*at);
        if (!t) return fail(usage("--at \"YYYY-MM-DD HH:MM\""));
        o.incident_at = *t;
    }
    return o;
}

Result<CaseStepRequest> step_of(const std::string& what, const Args& a) {
    auto id = case_number(a);
    if (!id) return fail(id.error());
    CaseStepRequest r;
    r.case_id = *id;
    r.by_number = a.get("by").value_or("");
    if (r.by_number.empty()) return fail(usage(kCompensationUsage));
    r.reason = a.get("reason").value_or("");
    if (what == "acknowledge") {
        r.step = CaseStep::Acknowledged;
    } else if (what == "waive") {
        r.step = CaseStep::Waived;
    } else if (what == "pay") {
        r.step = CaseStep::Payment;
        auto amount = parse_yuan(a.get("amount").value_or(""));
        if (!amount) return fail(amount.error());
        r.amount = *amount;
        auto on = parse_sheet_date(a.get("on").value_or(""));
        if (!on) return fail(Error(MessageId::AssetDateMalformed, {"--on", a.get("on").value_or("")}));
        r.paid_on = *on;
        r.receipt_number = a.get("receipt").value_or("");
    }
    return r;
}

// A review is whichever of the three the case waits for.
Result<CaseStep> review_step(StoreTx& tx, Id case_id) {
    auto c = tx.finance().compensation_case(case_id);
    if (!c) return fail(c.error());
    if (!*c) return fail(Error(MessageId::CompensationCaseUnknown, {std::to_string(case_id)}));
    auto events = tx.finance().compensation_events(case_id);
    if (!events) return fail(events.error());
    switch (progress_of(**c, *events).status) {
        case CaseStatus::AwaitingUnitHead: return CaseStep::UnitHeadReview;
        case CaseStatus::AwaitingFinance: return CaseStep::FinanceReview;
        default: return CaseStep::CustodianReview;  // refused below unless it is the custodian's turn
    }
}

std::string officer_text(StoreTx& tx, Id id) {
    auto o = tx.officer(id);
    if (!o || !*o) return std::to_string(id);
    return (*o)->number + " " + (*o)->name;
}

int compensation_show(CliContext& ctx, Id id) {
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto tx = (*store)->begin();
    if (!tx) return ctx.report(tx.error());
    auto c = (*tx)->finance().compensation_case(id);
    if (!c) return ctx.report(c.error());
    if (!*c) return ctx.report(Error(MessageId::CompensationCaseUnknown, {std::to_string(id)}));
    auto events = (*tx)->finance().compensation_events(id);
    if (!events) return ctx.report(events.error());
    auto card = (*tx)->finance().asset_card((*c)->asset_id);
    if (!card || !*card) return ctx.report(card ? Error(MessageId::AssetCardUnknown, {"-"}) : card.error());
    const CaseProgress p = progress_of(**c, *events);
    TextTable t({ctx.pick("项目", "Field"), ctx.pick("内容", "Value")});
    t.add({ctx.pick("案件", "Case"), std::to_string(id)});
    t.add({ctx.pick("设备 / 资产", "Device / asset"), (*card)->device_serial + " / " + (*card)->asset_number});
    t.add({ctx.pick("来源", "Source"), shown(ctx, kCaseSources, (*c)->source)});
    t.add({ctx.pick("事由", "What"), (*c)->loss ? ctx.pick("丢失", "loss") : ctx.pick("损坏", "damage")});
    t.add({ctx.pick("发生时间", "Incident"), format_local((*c)->incident_at)});
    t.add({ctx.pick("责任人", "Liable"), officer_text(**tx, (*c)->liable_officer_id) + "（" +
                                             shown(ctx, kLiableBases, (*c)->liable_basis) + "）"});
    t.add({ctx.pick("原因", "Cause"), shown(ctx, kCompensationCauses, (*c)->liability.cause)});
    t.add({ctx.pick("状态", "Status"), shown(ctx, kCaseStatuses, p.status)});
    t.add({ctx.pick("已缴 / 未缴（元）", "Paid / outstanding (yuan)"), yuan_grouped(p.paid) + " / " + yuan_grouped(p.outstanding)});
    t.print(ctx.out);
    DepreciationLine value;
    value.original_value = (*card)->original_value;
    // The case keeps the figure it was computed from; the card keeps the original value.
    value.net_book_value = (*c)->liability.basis == LiabilityBasis::NetBookValue ? (*c)->liability.basis_amount
                                                                                 : (*card)->original_value;
    value.accumulated = value.original_value - value.net_book_value;
    value.value_date = (*c)->value_date;
    value.method = (*c)->depreciation_method;
    value.policy = (*c)->depreciation_policy;
    ctx.out << '\n' << ctx.pick("计算：", "Calculation:") << '\n';
    for (const auto& line : calculation_lines((*c)->liability, value, ctx.zh())) ctx.out << "  " << line << '\n';
    ctx.out << '\n' << ctx.pick("办理经过：", "Steps:") << '\n';
    TextTable h({ctx.pick("时间", "When"), ctx.pick("事项", "Step"), ctx.pick("经办", "By"), ctx.pick("意见", "Decision"),
                 ctx.pick("说明", "Detail")});
    for (const auto& e : *events) {
        std::string decision = e.approved ? (*e.approved ? ctx.pick("同意", "approved") : ctx.pick("不同意", "rejected")) : "";
        std::string detail = e.reason;
        if (e.amount)
            detail = yuan_grouped(*e.amount) + ctx.pick(" 元，", " yuan, ") + date_text(*e.paid_on) +
                     ctx.pick("，收据 ", ", receipt ") + e.receipt_number.value_or("");
        h.add({format_local(e.at), shown(ctx, kCaseSteps, e.step), officer_text(**tx, e.by_id), decision, detail});
    }
    h.print(ctx.out);
    return kExitOk;
}

int compensation_list(CliContext& ctx) {
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto tx = (*store)->begin();
    if (!tx) return ctx.report(tx.error());
    auto cases = (*tx)->finance().compensation_cases();
    if (!cases) return ctx.report(cases.error());
    TextTable t({ctx.pick("案件", "Case"), ctx.pick("设备", "Device"), ctx.pick("责任人", "Liable"),
                 ctx.pick("原因", "Cause"), ctx.pick("应赔（元）", "Liability"), ctx.pick("已缴", "Paid"),
                 ctx.pick("状态", "Status")});
    for (const auto& c : *cases) {
        auto events = (*tx)->finance().compensation_events(c.id);
        if (!events) return ctx.report(events.error());
        auto card = (*tx)->finance().asset_card(c.asset_id);
        if (!card) return ctx.report(card.error());
        const CaseProgress p = progress_of(c, *events);
        t.add({std::to_string(c.id), *card ? (*card)->device_serial : "-", officer_text(**tx, c.liable_officer_id),
               shown(ctx, kCompensationCauses, c.liability.cause), yuan_grouped(c.liability.amount),
               yuan_grouped(p.paid), shown(ctx, kCaseStatuses, p.status)});
    }
    t.print(ctx.out);
    return kExitOk;
}

}  // namespace

int cmd_compensation(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"cause", "fault-report", "device", "reconciliation", "at", "note", "by", "reason",
                                "amount", "on", "receipt"},
                        {"loss", "approve", "reject"});
    if (!a) return ctx.report(a.error());
    if (a->positional.empty()) return ctx.report(usage(kCompensationUsage));
    const std::string& what = a->positional[0];
    if (what == "list") return compensation_list(ctx);
    if (what == "show") {
        auto id = case_number(*a);
        if (!id) return ctx.report(id.error());
        return compensation_show(ctx, *id);
    }
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    CompensationCases cases(**store, ctx.clock, "custodyctl");
    if (what == "open") {
        auto o = opening_of(*a);
        if (!o) return ctx.report(o.error());
        auto c = cases.open(*o);
        if (!c) return ctx.report(c.error());
        auto tx = (*store)->begin();
        if (!tx) return ctx.report(tx.error());
        ctx.out << (ctx.zh() ? "已立赔偿案件 " + std::to_string(c->id) + "：责任人 " +
                                   officer_text(**tx, c->liable_officer_id) + "，应赔 " +
                                   yuan_grouped(c->liability.amount) + " 元（" + shown(ctx, kLiabilityBases, c->liability.basis) +
                                   "，价值日 " + date_text(c->value_date) + "）。"
                             : "Opened compensation case " + std::to_string(c->id) + ": liable " +
                                   officer_text(**tx, c->liable_officer_id) + ", " + yuan_grouped(c->liability.amount) +
                                   " yuan (" + shown(ctx, kLiabilityBases, c->liability.basis) + ", valued at " +
                                   date_text(c->value_date) + ").")
                << '\n';
        if (violation_for(c->liability.cause, c->loss))
            ctx.out << ctx.pick("已同时登记违规记录（R25）。", "A violation record was opened as well (R25).") << '\n';
        return kExitOk;
    }
    if (what != "review" && what != "acknowledge" && what != "pay" && what != "waive")
        return ctx.report(usage(kCompensationUsage));
    auto r = step_of(what, *a);
    if (!r) return ctx.report(r.error());
    if (what == "review") {
        if (a->has("approve") == a->has("reject")) return ctx.report(usage("review CASE --by NUMBER (--approve|--reject) --reason TEXT"));
        r->approved = a->has("approve");
        auto tx = (*store)->begin();
        if (!tx) return ctx.report(tx.error());
        auto step = review_step(**tx, r->case_id);
        if (!step) return ctx.report(step.error());
        r->step = *step;
    }
    auto p = cases.record(*r);
    if (!p) return ctx.report(p.error());
    ctx.out << (ctx.zh() ? "赔偿案件 " + std::to_string(r->case_id) + " 已记录“" + shown(ctx, kCaseSteps, r->step) +
                               "”，现为“" + shown(ctx, kCaseStatuses, p->status) + "”，未缴 " + yuan_grouped(p->outstanding) +
                               " 元。"
                         : "Case " + std::to_string(r->case_id) + ": " + shown(ctx, kCaseSteps, r->step) +
                               " recorded; now " + shown(ctx, kCaseStatuses, p->status) + ", " +
                               yuan_grouped(p->outstanding) + " yuan outstanding.")
            << '\n';
    return kExitOk;
}

}  // namespace custody::cli
