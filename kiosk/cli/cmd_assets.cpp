// custodyctl assets: the fixed-asset register (R3) — import and export of asset cards as
// CSV or XLSX, the list and one card with its history, month close, disposal, the
// categories' useful lives and a card's location.
#include <cstring>
#include <fstream>
#include <sstream>

#include "kiosk/cli/commands.h"
#include "kiosk/cli/text_table.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/core/asset_card_import.h"
#include "kiosk/core/asset_disposal.h"
#include "kiosk/core/asset_value.h"
#include "kiosk/core/month_close.h"
#include "kiosk/core/refusal.h"
#include "kiosk/xlsx/durable_rename.h"
#include "kiosk/xlsx/xlsx_sheet.h"

namespace custody::cli {

namespace {

const char* kAssetsUsage =
    "assets import FILE.csv|FILE.xlsx | export FILE.csv|FILE.xlsx [--month YYYY-MM] | list [--month YYYY-MM] | "
    "show ASSET | close-month YYYY-MM | dispose ASSET --on DATE --reason TEXT --approver NUMBER | "
    "category [CODE --life MONTHS] | move ASSET --location TEXT";

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}
bool is_xlsx(const std::string& path) { return ends_with(path, ".xlsx") || ends_with(path, ".XLSX"); }

Result<std::vector<CsvRow>> read_rows(const std::string& path) {
    if (is_xlsx(path)) {
        auto sheet = read_sheet(path);
        if (!sheet) return fail(sheet.error());
        std::vector<CsvRow> rows;
        for (auto& r : *sheet) rows.push_back({r.line, std::move(r.cells)});
        return rows;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(Error(MessageId::FileUnreadable, {path, "cannot open"}));
    std::stringstream buf;
    buf << in.rdbuf();
    if (in.bad()) return fail(Error(MessageId::FileUnreadable, {path, "read error"}));
    return parse_csv(buf.str(), path);
}

// The month whose end the figures are for: the one asked, else the newest closed month,
// else last month.
Result<AccountingMonth> figures_month(CliContext& ctx, const Args& a, FinanceReads& finance) {
    if (auto m = a.get("month")) {
        auto month = parse_month(*m);
        if (!month) return fail(usage("--month YYYY-MM"));
        return *month;
    }
    auto latest = finance.latest_month_close();
    if (!latest) return fail(latest.error());
    if (*latest) return (*latest)->month;
    return month_of(local_date_of(ctx.clock.now())).previous();
}

struct CardRow {
    AssetCard card;
    Device device;
    std::string unit;
    std::string keeper;
    AssetValue value;
};

Result<std::vector<CardRow>> card_rows(StoreTx& tx, AccountingMonth month) {
    auto profile = tx.profile();
    if (!profile) return fail(profile.error());
    const DepreciationProfile dp = depreciation_profile_of(*profile);
    auto cards = tx.finance().asset_cards();
    if (!cards) return fail(cards.error());
    std::vector<CardRow> rows;
    for (const auto& c : *cards) {
        auto d = tx.device_by_serial(c.device_serial);
        if (!d) return fail(d.error());
        auto u = tx.unit((*d)->unit_id);
        if (!u) return fail(u.error());
        std::string keeper;
        if ((*d)->keeper_id) {
            auto k = tx.officer(*(*d)->keeper_id);
            if (!k) return fail(k.error());
            if (*k) keeper = (*k)->number + " " + (*k)->name;
        }
        auto v = value_at_end_of(tx.finance(), c, dp, month);
        if (!v) return fail(v.error());
        rows.push_back({c, **d, *u ? (*u)->code + " " + (*u)->name : "", keeper, *v});
    }
    return rows;
}

std::string method_text(const CliContext& ctx, DepreciationMethod m) {
    const auto& n = named(kDepreciationMethods, m);
    return std::string(ctx.zh() ? n.zh : n.en);
}

std::vector<std::vector<std::string>> export_table(CliContext& ctx, const std::vector<CardRow>& rows,
                                                   AccountingMonth month) {
    std::vector<std::string> header;
    for (const auto& c : asset_card_columns()) header.push_back(ctx.zh() ? c.zh : c.name);
    const std::string at = date_text(month.last_day());
    for (const std::string& extra :
         {std::string(ctx.pick("使用单位", "unit")), std::string(ctx.pick("保管人", "keeper")),
          std::string(ctx.pick("设备状态", "device_status")), std::string(ctx.pick("报废日期", "disposed_on")),
          std::string(ctx.pick("累计折旧（元，", "accumulated_depreciation (")) + at + ctx.pick("）", ")"),
          std::string(ctx.pick("账面净值（元，", "net_book_value (")) + at + ctx.pick("）", ")"),
          std::string(ctx.pick("数据来源", "figures"))})
        header.push_back(extra);
    std::vector<std::vector<std::string>> out{header};
    for (const auto& r : rows) {
        const AssetCard& c = r.card;
        const auto& status = named(kDeviceStatuses, r.device.status);
        out.push_back({c.asset_number, c.device_serial, c.category_code, date_text(c.purchase_date),
                       date_text(c.in_service_date), yuan_text(c.original_value), c.funding_source, c.supplier,
                       c.invoice_number, c.warranty_end ? date_text(*c.warranty_end) : "",
                       std::to_string(c.useful_life_months), std::string(named(kDepreciationMethods, c.method).code),
                       c.method == DepreciationMethod::Workload ? std::to_string(c.total_workload_hours) : "",
                       c.location, r.unit, r.keeper, std::string(ctx.zh() ? status.zh : status.en),
                       c.disposed_on ? date_text(*c.disposed_on) : "", yuan_text(r.value.line.accumulated),
                       yuan_text(r.value.line.net_book_value),
                       r.value.from_closed_month ? ctx.pick("已结账", "closed month") : ctx.pick("试算", "computed")});
    }
    return out;
}

Status write_csv(const std::string& path, const std::vector<std::vector<std::string>>& table) {
    const std::string partial = path + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out) return fail(Error(MessageId::FileUnwritable, {path, "cannot create"}));
        out << "\xEF\xBB\xBF";  // a BOM, so that Excel opens the UTF-8 file as UTF-8
        for (const auto& row : table) {
            for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_escape(row[i]);
            out << "\r\n";
        }
        out.flush();
        if (!out) {
            std::remove(partial.c_str());
            return fail(Error(MessageId::FileUnwritable, {path, "write failed (disk full?)"}));
        }
    }
    // Published whole or not at all: a full disk leaves the previous export as it was.
    auto published = xlsx::publish_durably(partial, path);
    if (published.error != 0)
        return fail(Error(MessageId::FileUnwritable, {published.where, std::strerror(published.error)}));
    return {};
}

int assets_import(CliContext& ctx, const Args& a) {
    if (a.positional.size() != 2) return ctx.report(usage(kAssetsUsage));
    const std::string& path = a.positional[1];
    auto rows = read_rows(path);
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    // A file that cannot be read at all is refused and audited like a bad row.
    if (!rows) return ctx.report(refuse(**store, rows.error(), "custodyctl", "asset_import_rejected", path));
    auto report = AssetCardImport(**store, ctx.clock, "custodyctl").run(*rows, path);
    if (!report) return ctx.report(report.error());
    ctx.out << ctx.text(MessageId::ImportDone, {std::to_string(report->cards), path}) << '\n';
    return kExitOk;
}

int assets_export(CliContext& ctx, const Args& a) {
    if (a.positional.size() != 2) return ctx.report(usage(kAssetsUsage));
    const std::string& path = a.positional[1];
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto tx = (*store)->begin();
    if (!tx) return ctx.report(tx.error());
    auto month = figures_month(ctx, a, (*tx)->finance());
    if (!month) return ctx.report(month.error());
    auto rows = card_rows(**tx, *month);
    if (!rows) return ctx.report(rows.error());
    tx->reset();
    auto table = export_table(ctx, *rows, *month);
    Status written = is_xlsx(path) ? write_sheet(path, table,
                                                 {ctx.pick("固定资产卡片", "Asset cards"),
                                                  {16, 16, 14, 12, 12, 12, 12, 20, 16, 12, 10, 12, 10, 16, 18, 14,
                                                   12, 12, 16, 16, 10},
                                                  1})
                                   : write_csv(path, table);
    if (!written) return ctx.report(written.error());
    ctx.out << (ctx.zh() ? "已导出 " + std::to_string(rows->size()) + " 张资产卡片：" + path
                         : "Exported " + std::to_string(rows->size()) + " asset cards: " + path)
            << '\n';
    return kExitOk;
}

int assets_list(CliContext& ctx, const Args& a) {
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto tx = (*store)->begin();
    if (!tx) return ctx.report(tx.error());
    auto month = figures_month(ctx, a, (*tx)->finance());
    if (!month) return ctx.report(month.error());
    auto rows = card_rows(**tx, *month);
    if (!rows) return ctx.report(rows.error());
    TextTable t({ctx.pick("资产编号", "Asset"), ctx.pick("设备", "Device"), ctx.pick("分类", "Category"),
                 ctx.pick("投入使用", "In service"), ctx.pick("原值", "Original"), ctx.pick("方法", "Method"),
                 ctx.pick("年限(月)", "Life (m)"), ctx.pick("累计折旧", "Accumulated"), ctx.pick("净值", "Net book"),
                 ctx.pick("状态", "Status"), ctx.pick("保管人", "Keeper")});
    Fen original = 0, net = 0;
    for (const auto& r : *rows) {
        const auto& status = named(kDeviceStatuses, r.device.status);
        t.add({r.card.asset_number, r.card.device_serial, r.card.category_code, date_text(r.card.in_service_date),
               yuan_grouped(r.card.original_value), method_text(ctx, r.card.method),
               std::to_string(r.card.useful_life_months), yuan_grouped(r.value.line.accumulated),
               yuan_grouped(r.value.line.net_book_value), std::string(ctx.zh() ? status.zh : status.en), r.keeper});
        original += r.card.original_value;
        net += r.value.line.net_book_value;
    }
    t.print(ctx.out);
    auto profile = (*tx)->profile();
    if (!profile) return ctx.report(profile.error());
    ctx.out << (ctx.zh() ? std::to_string(rows->size()) + " 张卡片，原值合计 " + yuan_grouped(original) +
                               " 元，账面净值合计 " + yuan_grouped(net) + " 元（截至 " +
                               date_text(month->last_day()) + "）。"
                         : std::to_string(rows->size()) + " cards, original value " + yuan_grouped(original) +
                               " yuan, net book value " + yuan_grouped(net) + " yuan (at " +
                               date_text(month->last_day()) + ").")
            << '\n'
            << convention_text(depreciation_profile_of(*profile), ctx.zh()) << '\n';
    return kExitOk;
}

int assets_show(CliContext& ctx, const Args& a) {
    if (a.positional.size() != 2) return ctx.report(usage(kAssetsUsage));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto tx = (*store)->begin();
    if (!tx) return ctx.report(tx.error());
    FinanceRecords& finance = (*tx)->finance();
    auto card = finance.asset_card_by_number(a.positional[1]);
    if (!card) return ctx.report(card.error());
    if (!*card) return ctx.report(Error(MessageId::AssetCardUnknown, {a.positional[1]}));
    const AssetCard& c = **card;
    auto category = finance.asset_category(c.category_code);
    if (!category) return ctx.report(category.error());
    TextTable t({ctx.pick("项目", "Field"), ctx.pick("内容", "Value")});
    t.add({ctx.pick("资产编号", "Asset number"), c.asset_number});
    t.add({ctx.pick("设备序列号", "Device"), c.device_serial});
    t.add({ctx.pick("资产分类", "Category"), *category ? (*category)->name : c.category_code});
    t.add({ctx.pick("购置日期", "Purchased"), date_text(c.purchase_date)});
    t.add({ctx.pick("投入使用日期", "In service"), date_text(c.in_service_date)});
    t.add({ctx.pick("原值（元）", "Original value (yuan)"), yuan_grouped(c.original_value)});
    t.add({ctx.pick("资金来源", "Funding"), c.funding_source});
    t.add({ctx.pick("供应商", "Supplier"), c.supplier});
    t.add({ctx.pick("发票号", "Invoice"), c.invoice_number});
    t.add({ctx.pick("保修截止", "Warranty until"), c.warranty_end ? date_text(*c.warranty_end) : "-"});
    t.add({ctx.pick("使用年限（月）", "Useful life (months)"), std::to_string(c.useful_life_months)});
    t.add({ctx.pick("折旧方法", "Method"), method_text(ctx, c.method)});
    t.add({ctx.pick("存放地点", "Location"), c.location});
    t.add({ctx.pick("报废日期", "Disposed"), c.disposed_on ? date_text(*c.disposed_on) : "-"});
    t.print(ctx.out);

    ctx.out << '\n' << ctx.pick("变动记录：", "History:") << '\n';
    TextTable h({ctx.pick("时间", "When"), ctx.pick("事项", "Event"), ctx.pick("经办", "By"), ctx.pick("说明", "Detail")});
    h.add({format_local(c.registered_at), ctx.pick("建卡", "registered"), c.registered_by, ""});
    auto events = finance.asset_events(c.id);
    if (!events) return ctx.report(events.error());
    for (const auto& e : *events) {
        const auto& n = named(kAssetEventKinds, e.kind);
        h.add({format_local(e.at), std::string(ctx.zh() ? n.zh : n.en), e.by, e.detail});
    }
    h.print(ctx.out);
    return kExitOk;
}

int assets_close_month(CliContext& ctx, const Args& a) {
    if (a.positional.size() != 2) return ctx.report(usage(kAssetsUsage));
    auto month = parse_month(a.positional[1]);
    if (!month) return ctx.report(usage("close-month YYYY-MM"));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto outcome = MonthClosing(**store, ctx.clock, "custodyctl").close(*month);
    if (!outcome) return ctx.report(outcome.error());
    const MonthClose& m = outcome->close;
    if (outcome->already_closed)
        ctx.out << ctx.text(MessageId::MonthAlreadyClosed, {month_text(m.month), format_local(m.closed_at), m.closed_by,
                                                          std::to_string(m.assets), yuan_grouped(m.total_charge)})
                << '\n';
    else
        ctx.out << ctx.text(MessageId::MonthClosedNow, {month_text(m.month), std::to_string(m.assets),
                                                      yuan_grouped(m.total_charge)})
                << '\n';
    ctx.out << convention_text(m.profile, ctx.zh()) << '\n';
    return kExitOk;
}

int assets_dispose(CliContext& ctx, const Args& a) {
    if (a.positional.size() != 2 || !a.get("on") || !a.get("reason") || !a.get("approver"))
        return ctx.report(usage(kAssetsUsage));
    auto on = parse_sheet_date(*a.get("on"));
    if (!on) return ctx.report(Error(MessageId::AssetDateMalformed, {"--on", *a.get("on")}));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    DisposalRequest req{a.positional[1], *on, *a.get("reason"), "custodyctl", *a.get("approver")};
    auto tx = (*store)->begin();
    if (!tx) return ctx.report(tx.error());
    auto disposed = dispose_asset(**tx, req, ctx.clock.now());
    if (!disposed) {
        tx->reset();
        return ctx.report(refuse(**store, disposed.error(), "custodyctl", "asset_dispose_refused", req.asset_number));
    }
    if (auto s = (*tx)->commit(); !s) return ctx.report(s.error());
    ctx.out << (ctx.zh() ? "资产 " + req.asset_number + " 已于 " + date_text(*on) + " 报废，账面净值 " +
                               yuan_grouped(disposed->net_book_value) + " 元。"
                         : "Asset " + req.asset_number + " disposed of on " + date_text(*on) + ", net book value " +
                               yuan_grouped(disposed->net_book_value) + " yuan.")
            << '\n';
    return kExitOk;
}

int assets_category(CliContext& ctx, const Args& a) {
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto tx = (*store)->begin();
    if (!tx) return ctx.report(tx.error());
    FinanceRecords& finance = (*tx)->finance();
    if (a.positional.size() == 2) {
        int life = 0;
        if (!parse_number(a.get("life"), life) || life <= 0)
            return ctx.report(Error(MessageId::AssetLifeMalformed, {a.get("life").value_or("")}));
        auto c = finance.asset_category(a.positional[1]);
        if (!c) return ctx.report(c.error());
        if (!*c) return ctx.report(Error(MessageId::AssetCategoryUnknown, {a.positional[1], "police_equipment, broadcast_av, computer"}));
        if (life < (*c)->min_life_months) {
            tx->reset();
            return ctx.report(refuse(**store,
                                     Error(MessageId::AssetLifeBelowFloor, {std::to_string(life), (*c)->name,
                                                                            std::to_string((*c)->min_life_months)}),
                                     "custodyctl", "category_life_refused", a.positional[1]));
        }
        if (auto s = finance.set_category_life((*c)->code, life,
                                               {"custodyctl", "category_life_changed", (*c)->code,
                                                "from=" + std::to_string((*c)->life_months) + "; to=" + std::to_string(life)});
            !s)
            return ctx.report(s.error());
        if (auto s = (*tx)->commit(); !s) return ctx.report(s.error());
        ctx.out << (ctx.zh() ? "“" + (*c)->name + "”的默认使用年限改为 " + std::to_string(life) + " 个月（新建卡片适用）。"
                             : "\"" + (*c)->name + "\" now defaults to " + std::to_string(life) + " months (new cards).")
                << '\n';
        return kExitOk;
    }
    auto all = finance.asset_categories();
    if (!all) return ctx.report(all.error());
    TextTable t({ctx.pick("代码", "Code"), ctx.pick("名称", "Name"), ctx.pick("最低年限(月)", "Floor (m)"),
                 ctx.pick("本机关年限(月)", "Agency life (m)")});
    for (const auto& c : *all)
        t.add({c.code, c.name, std::to_string(c.min_life_months), std::to_string(c.life_months)});
    t.print(ctx.out);
    return kExitOk;
}

int assets_move(CliContext& ctx, const Args& a) {
    if (a.positional.size() != 2 || !a.get("location")) return ctx.report(usage(kAssetsUsage));
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto tx = (*store)->begin();
    if (!tx) return ctx.report(tx.error());
    FinanceRecords& finance = (*tx)->finance();
    auto card = finance.asset_card_by_number(a.positional[1]);
    if (!card) return ctx.report(card.error());
    if (!*card) return ctx.report(Error(MessageId::AssetCardUnknown, {a.positional[1]}));
    const std::string detail = "from=" + (*card)->location + "; to=" + *a.get("location");
    if (auto s = finance.set_asset_location((*card)->id, *a.get("location"),
                                            {"custodyctl", "asset_location_set", (*card)->asset_number, detail});
        !s)
        return ctx.report(s.error());
    auto e = finance.add_asset_event({0, (*card)->id, ctx.clock.now(), AssetEventKind::LocationChanged, "custodyctl", detail},
                                     {"custodyctl", "location_changed", (*card)->asset_number, detail});
    if (!e) return ctx.report(e.error());
    if (auto s = (*tx)->commit(); !s) return ctx.report(s.error());
    ctx.out << ctx.pick("存放地点已更新。", "Location updated.") << '\n';
    return kExitOk;
}

}  // namespace

int cmd_assets(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"month", "on", "reason", "approver", "life", "location"}, {});
    if (!a) return ctx.report(a.error());
    if (a->positional.empty()) return ctx.report(usage(kAssetsUsage));
    const std::string& what = a->positional[0];
    if (what == "import") return assets_import(ctx, *a);
    if (what == "export") return assets_export(ctx, *a);
    if (what == "list") return assets_list(ctx, *a);
    if (what == "show") return assets_show(ctx, *a);
    if (what == "close-month") return assets_close_month(ctx, *a);
    if (what == "dispose") return assets_dispose(ctx, *a);
    if (what == "category") return assets_category(ctx, *a);
    if (what == "move") return assets_move(ctx, *a);
    return ctx.report(usage(kAssetsUsage));
}

}  // namespace custody::cli
