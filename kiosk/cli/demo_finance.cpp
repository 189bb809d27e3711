#include "kiosk/cli/demo_finance.h"

#include "kiosk/cli/demo_custodian.h"
#include "kiosk/core/asset_card_import.h"
#include "kiosk/core/custodian_login.h"
#include "kiosk/core/asset_value.h"
#include "kiosk/core/compensation_cases.h"
#include "kiosk/core/month_close.h"
#include "kiosk/core/repairs.h"

namespace custody::cli {

namespace {

constexpr std::int64_t kHourMs = 3600 * 1000;

Status add_finance_clerk(CustodyStore& store, const Clock& clock) {
    auto tx = store.begin();
    if (!tx) return fail(tx.error());
    auto unit = (*tx)->unit_by_code("BGS");
    if (!unit) return fail(unit.error());
    if (!*unit) return fail(Error(MessageId::CsvUnknownUnit, {"BGS"}));
    Officer o{0, kDemoFinanceNumber, "钱晓燕", (*unit)->id, Role::Finance, true};
    auto id = (*tx)->add_officer(o, {"demo", "register_officer", o.number, "unit=BGS; role=finance"});
    if (!id) return fail(id.error());
    o.id = *id;
    CUSTODY_TRY((*tx)->add_badge({kDemoFinanceBadge, o.id, clock.now(), std::nullopt, ""},
                                 {"demo", "register_badge", kDemoFinanceBadge, "officer=" + o.number}));
    CUSTODY_TRY((*tx)->commit());
    tx->reset();  // the store takes one transaction at a time
    // The finance screen opens with badge and PIN, like custodian mode.
    return CustodianLogin(store, clock).set_pin(kDemoFinanceNumber, kDemoCustodianPin, "demo");
}

// Bought over the last four years; one camera depreciated by hours of use.
std::string cards_csv(const DemoAgency& agency, CivilDate today) {
    std::string csv =
        "资产编号,设备序列号,资产分类,购置日期,投入使用日期,原值（元）,资金来源,供应商,发票号,保修截止日期,"
        "使用年限（月）,折旧方法,总工作量（小时）,存放地点\n";
    int i = 0;
    for (const auto& d : agency.devices) {
        const int months_ago = 6 + (i * 5) % 42;
        AccountingMonth bought = AccountingMonth{today.year, today.month};
        for (int k = 0; k < months_ago; ++k) bought = bought.previous();
        const int day = 1 + (i * 7) % days_in_month(bought.year, bought.month);
        const CivilDate purchase{bought.year, bought.month, day};
        const CivilDate in_service{bought.year, bought.month, std::min(day + 3, days_in_month(bought.year, bought.month))};
        const CivilDate warranty{purchase.year + 3, purchase.month, std::min(purchase.day, 28)};
        const bool workload = i == 2;
        char number[32];
        std::snprintf(number, sizeof number, "GA-%04d-%04d", purchase.year, i + 1);
        const std::string value = std::to_string(2980 + (i % 5) * 150) + (i % 3 == 0 ? ".50" : ".00");
        csv += std::string(number) + "," + d.serial + "," + (i % 4 == 3 ? "公安专用设备" : "广播、电视、电影设备") + "," +
               date_text(purchase) + "," + date_text(in_service) + "," + value + ",财政拨款," + d.brand +
               "科技有限公司,FP" + std::to_string(440100 + i) + "," + date_text(warranty) + ",," +
               (workload ? "workload,6000" : ",") + "," + (d.slot ? "执法记录仪储存柜" : "办公室抽屉") + "\n";
        ++i;
    }
    return csv;
}

Status close_recent_months(CustodyStore& store, const Clock& clock, CivilDate today, DemoFinanceStats& stats) {
    const AccountingMonth last = AccountingMonth{today.year, today.month}.previous();
    for (AccountingMonth m : {last.previous(), last}) {
        auto closed = MonthClosing(store, clock, kDemoFinanceNumber).close(m);
        if (!closed) return fail(closed.error());
        ++stats.months_closed;
    }
    return {};
}

// A device sitting in a slot, ready, with no repair or case on it: the stories below
// take one each.
std::vector<Device> ready_devices(CustodyStore& store) {
    std::vector<Device> ready;
    auto tx = store.begin();
    if (!tx) return ready;
    auto all = (*tx)->devices();
    if (!all) return ready;
    for (const auto& d : *all)
        if (d.status == DeviceStatus::InService && d.slot) ready.push_back(d);
    return ready;
}

Status run_repairs(CustodyStore& store, ManualClock& clock, const DemoAgency& agency, DemoFinanceStats& stats) {
    Repairs repairs(store, clock, "demo");
    auto ready = ready_devices(store);
    if (ready.empty()) return {};
    // A lens that fogs: sent and back the same week, repaired under a paid service.
    const Device& fogged = ready.front();
    auto order = repairs.open({fogged.serial, "镜头起雾，画面模糊 / fogged lens", std::nullopt});
    if (!order) return fail(order.error());
    auto sent = repairs.send(order->id, "警翼科技售后服务中心", local_date_of(clock.now()));
    if (!sent) return fail(sent.error());
    clock.advance_ms(2 * kHourMs);
    RepairReturn back;
    back.order_id = order->id;
    back.returned_on = local_date_of(clock.now());
    back.cost = 35000;
    back.outcome = RepairOutcome::Repaired;
    back.note = "更换镜头模组 / lens module replaced";
    back.slot = fogged.slot;
    auto returned = repairs.give_back(back);
    if (!returned) return fail(returned.error());
    ++stats.repairs;
    // The office's spare camera stopped charging: it is still with the supplier.
    for (const auto& d : agency.devices) {
        if (d.slot != 0) continue;
        auto spare = repairs.open({d.serial, "无法充电 / will not charge", std::nullopt});
        if (!spare) return fail(spare.error());
        auto away = repairs.send(spare->id, "厂商授权维修站", local_date_of(clock.now()));
        if (!away) return fail(away.error());
        ++stats.repairs;
        break;
    }
    return {};
}

// The latest checkout of a ready device and its holder's unit colleagues who decide.
struct Holding {
    Device device;
    CustodyEntry checkout;
    const DemoOfficer* holder = nullptr;
};

std::vector<Holding> recent_holdings(CustodyStore& store, const DemoAgency& agency, Timestamp now) {
    std::vector<Holding> out;
    const std::vector<Device> ready = ready_devices(store);  // before the transaction: one at a time
    auto tx = store.begin();
    if (!tx) return out;
    for (const auto& d : ready) {
        auto c = (*tx)->finance().checkout_at(d.id, now);
        if (!c || !*c || !(*c)->officer_id) continue;
        auto o = (*tx)->officer(*(*c)->officer_id);
        if (!o || !*o) continue;
        for (const auto& a : agency.officers)
            if (a.number == (*o)->number && a.role == "officer") out.push_back({d, **c, &a});
    }
    return out;
}

const DemoOfficer* colleague(const DemoAgency& agency, const std::string& unit, const std::string& role) {
    for (const auto& o : agency.officers)
        if (o.unit_code == unit && o.role == role && o.active) return &o;
    return nullptr;
}

Status step(CompensationCases& cases, Id id, CaseStep s, const std::string& by, const std::string& reason) {
    CaseStepRequest r;
    r.case_id = id;
    r.step = s;
    r.by_number = by;
    r.reason = reason;
    if (s == CaseStep::CustodianReview || s == CaseStep::UnitHeadReview || s == CaseStep::FinanceReview) r.approved = true;
    auto done = cases.record(r);
    if (!done) return fail(done.error());
    return {};
}

Status reviews(CompensationCases& cases, Id id, const DemoAgency& agency, const std::string& unit, bool finance) {
    const DemoOfficer* keeper = colleague(agency, unit, "keeper");
    const DemoOfficer* head = colleague(agency, unit, "unit_head");
    if (!keeper || !head) return {};
    CUSTODY_TRY(step(cases, id, CaseStep::CustodianReview, keeper->number, "台账与归还检查记录一致 / matches the ledger"));
    CUSTODY_TRY(step(cases, id, CaseStep::UnitHeadReview, head->number, "同意按规定赔偿 / approved"));
    if (!finance) return {};
    return step(cases, id, CaseStep::FinanceReview, kDemoFinanceNumber, "金额按账面净值核定 / amount checked");
}

Status run_cases(CustodyStore& store, ManualClock& clock, const DemoAgency& agency, DemoFinanceStats& stats) {
    CompensationCases cases(store, clock, "demo");
    auto held = recent_holdings(store, agency, clock.now());
    if (held.size() < 3) return {};
    struct Story {
        CompensationCause cause;
        const char* note;
    };
    const Story stories[] = {
        {CompensationCause::Misuse, "执勤中摔落，外壳开裂 / dropped on duty, casing cracked"},
        {CompensationCause::PoorKeeping, "放在车内暴晒，屏幕损坏 / left in a hot car, screen damaged"},
        {CompensationCause::Deliberate, "争执中故意摔砸 / smashed in an argument"},
    };
    for (int i = 0; i < 3; ++i) {
        const Holding& h = held[static_cast<std::size_t>(i)];
        CaseOpening o;
        o.serial = h.device.serial;
        o.cause = stories[i].cause;
        o.note = stories[i].note;
        o.incident_at = Timestamp{h.checkout.at.ms + kHourMs};
        if (clock.now() < *o.incident_at) o.incident_at = h.checkout.at;
        auto c = cases.open(o);
        if (!c) return fail(c.error());
        ++stats.cases;
        clock.advance_ms(kHourMs / 4);
        if (i == 2) {
            // Deliberate damage: the custodian and the unit head have approved; it waits for finance.
            CUSTODY_TRY(reviews(cases, c->id, agency, h.holder->unit_code, false));
            continue;
        }
        if (i == 1) {
            // Approved by the custodian and the unit head, then waived by finance.
            CUSTODY_TRY(reviews(cases, c->id, agency, h.holder->unit_code, false));
            CUSTODY_TRY(step(cases, c->id, CaseStep::Waived, kDemoFinanceNumber,
                             "首次发生且已整改，经批准免予赔偿 / first time, waived as approved"));
            continue;
        }
        CUSTODY_TRY(reviews(cases, c->id, agency, h.holder->unit_code, true));
        if (c->liability.amount == 0) continue;  // fully depreciated: nothing to acknowledge or pay
        CUSTODY_TRY(step(cases, c->id, CaseStep::Acknowledged, h.holder->number, ""));
        CaseStepRequest pay;
        pay.case_id = c->id;
        pay.step = CaseStep::Payment;
        pay.by_number = kDemoFinanceNumber;
        pay.amount = std::max<Fen>(1, c->liability.amount / 2);
        pay.paid_on = local_date_of(clock.now());
        pay.receipt_number = "SJ-" + std::to_string(c->id) + "-01";
        auto paid = cases.record(pay);
        if (!paid) return fail(paid.error());
    }
    return {};
}

}  // namespace

Result<DemoFinanceStats> run_demo_finance(CustodyStore& store, ManualClock& clock, const DemoAgency& agency) {
    DemoFinanceStats stats;
    CUSTODY_TRY(add_finance_clerk(store, clock));
    const CivilDate today = local_date_of(clock.now());
    auto csv = parse_csv(cards_csv(agency, today), "demo-asset-cards.csv");
    if (!csv) return fail(csv.error());
    auto imported = AssetCardImport(store, clock, kDemoFinanceNumber).run(*csv, "demo-asset-cards.csv");
    if (!imported) return fail(imported.error());
    stats.cards = imported->cards;
    CUSTODY_TRY(close_recent_months(store, clock, today, stats));
    CUSTODY_TRY(run_repairs(store, clock, agency, stats));
    CUSTODY_TRY(run_cases(store, clock, agency, stats));
    return stats;
}

}  // namespace custody::cli
