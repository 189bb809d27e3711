#include "reports/asset_register.h"

#include "reports/report_form.h"
#include "reports/report_table.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
std::vector<TableColumn> columns(Lang lang) {
    return {{tr(lang, "序号", "No."), 0.4f, Align::Right},
            {tr(lang, "资产编号", "Asset no."), 1.1f},
            {tr(lang, "设备编号", "Device"), 0.85f},
            {tr(lang, "资产分类", "Category"), 1.35f},
            {tr(lang, "购置日期", "Purchased"), 0.85f},
            {tr(lang, "投入使用日期", "In service"), 0.85f},
            {tr(lang, "原值（元）", "Original (yuan)"), 0.85f, Align::Right},
            {tr(lang, "使用年限（月）", "Life (months)"), 0.55f, Align::Right},
            {tr(lang, "折旧方法", "Method"), 0.8f},
            {tr(lang, "保管人", "Keeper"), 1.25f},
            {tr(lang, "使用单位", "Unit"), 1.05f},
            {tr(lang, "存放地点", "Location"), 1.05f},
            {tr(lang, "当前状态", "Status now"), 0.85f},
            {tr(lang, "累计折旧（元）", "Accumulated (yuan)"), 0.9f, Align::Right},
            {tr(lang, "账面净值（元）", "Net book value (yuan)"), 0.9f, Align::Right}};
}

// The device's status now; a card not yet in service at the month's end says so, since its
// figures are then the whole original value.
std::string status_text(const AssetRegisterLine& l, Lang lang, AccountingMonth month) {
    std::string s = name_of(kDeviceStatuses, l.status, lang);
    if (month < month_of(l.card.in_service_date)) s += tr(lang, "（该月末尚未投入使用）", " (not in service yet then)");
    if (l.card.disposed_on) s += std::string(tr(lang, "（报废 ", " (disposed ")) + date_text(*l.card.disposed_on) + tr(lang, "）", ")");
    return s;
}

// Whether the figures are the stored ones: a reader must know before trusting a total.
std::string source_text(const AssetRegister& r, Lang lang, std::size_t computed) {
    const std::string m = month_text(r.month);
    if (r.close) {
        std::string s = std::string(tr(lang, "数据来源：", "Figures: ")) + m +
                        tr(lang, " 已结账（", " is closed (") + minute_text(r.close->closed_at) + tr(lang, "，", ", by ") +
                        r.closed_by + tr(lang, "），累计折旧与账面净值取自结账记录。",
                                         "); accumulated depreciation and net book value are the stored figures.");
        if (computed > 0)
            s += std::to_string(computed) + tr(lang, " 张卡片不在该月结账记录中，其数值为计算值。",
                                               " cards are not in that month's close; their figures are computed.");
        return s;
    }
    std::string s = std::string(tr(lang, "数据来源：", "Figures: ")) + m +
                    tr(lang, " 尚未结账，累计折旧与账面净值为按下述口径计算的数值", " is not closed; accumulated depreciation "
                                                                       "and net book value are computed under the "
                                                                       "convention below");
    if (r.latest_closed)
        s += std::string(tr(lang, "（自最近结账月份 ", " (carried on from the latest closed month, ")) +
             month_text(*r.latest_closed) + tr(lang, " 起逐月推算）", ")");
    return s + tr(lang, "，结账后以结账记录为准。", "; once closed, the stored figures are the ones that count.");
}
}  // namespace

ReportHeading asset_register_heading(const AssetRegister& r, Lang lang) {
    return {r.agency, "", tr(lang, "固定资产卡片登记表", "Fixed-asset register"),
            std::string(tr(lang, "截至 ", "At the end of ")) + month_text(r.month) + tr(lang, " 月末（价值日期 ", " (value date ") +
                date_text(r.month.last_day()) + tr(lang, "）（R3）", ") (R3)")};
}

void compose_asset_register(ReportPages& pages, const AssetRegister& r) {
    const Lang lang = pages.lang();
    const bool zh = lang == Lang::Zh;
    std::size_t computed = 0;
    for (const auto& l : r.lines)
        if (!l.value.from_closed_month) ++computed;
    pages.paragraph(source_text(r, lang, computed));
    pages.paragraph(std::string(tr(lang, "折旧口径：", "Convention: ")) + convention_text(r.profile, zh) +
                    tr(lang, "。折旧方法见各行；金额单位为元，按分四舍五入。",
                       ". Each row states its method; amounts are yuan, rounded half up to the fen."));
    Fen original = 0, accumulated = 0, net = 0;
    {
        ReportTable t(pages, columns(lang), 6.5f);
        std::size_t n = 0;
        for (const auto& l : r.lines) {
            const AssetCard& c = l.card;
            original += c.original_value;
            accumulated += l.value.line.accumulated;
            net += l.value.line.net_book_value;
            t.row({std::to_string(++n), c.asset_number, c.device_serial, l.category, date_text(c.purchase_date),
                   date_text(c.in_service_date), yuan_grouped(c.original_value), std::to_string(c.useful_life_months),
                   name_of(kDepreciationMethods, c.method, lang), l.keeper, l.unit, c.location, status_text(l, lang, r.month),
                   yuan_grouped(l.value.line.accumulated), yuan_grouped(l.value.line.net_book_value)});
        }
        t.row({"", tr(lang, "合计", "Total"), std::to_string(r.lines.size()) + tr(lang, " 项", " cards"), "", "", "",
               yuan_grouped(original), "", "", "", "", "", "", yuan_grouped(accumulated), yuan_grouped(net)});
    }
    signature_row(pages, {tr(lang, "制表（财务）", "Prepared by (finance)"), tr(lang, "资产管理员", "Asset keeper"),
                          tr(lang, "单位负责人", "Unit head")});
}

}  // namespace custody::reports
