// The register's facts: every card through the finance rows (so a figure is the one the
// close stored, or the one value_at_end_of computes exactly as closing would), with the
// device's keeper, unit and status and the category's name.
#include <map>

#include "db/finance_rows.h"
#include "reports/asset_register.h"
#include "reports/depreciation_schedule.h"
#include "reports/report_snapshot.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
struct CardPlace {
    std::string category, keeper, unit;
    DeviceStatus status = DeviceStatus::InService;
};

Result<std::map<Id, CardPlace>> places(db::Connection& c) {
    auto q = c.prepare(
        "SELECT a.id, g.name, coalesce(k.name, ''), coalesce(k.number, ''), u.name, d.status "
        "FROM asset_cards a JOIN devices d ON d.id = a.device_id JOIN units u ON u.id = d.unit_id "
        "JOIN asset_categories g ON g.code = a.category_code LEFT JOIN officers k ON k.id = d.keeper_id");
    if (!q) return fail(q.error());
    std::map<Id, CardPlace> out;
    while (true) {
        auto r = q->step();
        if (!r) return fail(r.error());
        if (!*r) break;
        out[q->i64(0)] = {q->text(1), person_text(q->text(2), q->text(3)), q->text(4),
                          parse_named(kDeviceStatuses, q->text(5)).value_or(DeviceStatus::InService)};
    }
    return out;
}
}  // namespace

Result<AssetRegister> load_asset_register(ReportSnapshot& s, std::optional<AccountingMonth> month, Timestamp now) {
    // Read-only: the rows' audit hook is never called for reads.
    db::FinanceRows finance(s.db(), {});
    AssetRegister r;
    r.agency = s.profile().agency_name;
    auto latest = finance.latest_month_close();
    if (!latest) return fail(latest.error());
    if (*latest) r.latest_closed = (*latest)->month;
    r.month = month ? *month : *latest ? (*latest)->month : month_of(local_date_of(now)).previous();
    auto close = finance.month_close(r.month);
    if (!close) return fail(close.error());
    r.close = *close;
    if (r.close) {
        auto by = actor_text(s.db(), r.close->closed_by);
        if (!by) return fail(by.error());
        r.closed_by = *by;
    }
    r.profile = r.close ? r.close->profile : depreciation_profile_of(s.profile());

    auto cards = finance.asset_cards();
    if (!cards) return fail(cards.error());
    if (cards->empty()) return fail(Error(MessageId::ReportNoAssetCards));
    auto where = places(s.db());
    if (!where) return fail(where.error());
    // Computed figures follow the agency's convention, as the close of that month would.
    const DepreciationProfile computing = depreciation_profile_of(s.profile());
    for (const auto& card : *cards) {
        auto value = value_at_end_of(finance, card, computing, r.month);
        if (!value) return fail(value.error());
        const CardPlace& p = (*where)[card.id];
        r.lines.push_back({card, p.category, p.keeper, p.unit, p.status, *value});
    }
    return r;
}

}  // namespace custody::reports
