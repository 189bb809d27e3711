// The schedule's facts: the month_closes row and its depreciation_lines as stored, never
// recomputed, with each card's number, device and category.
#include <algorithm>
#include <map>

#include "db/finance_rows.h"
#include "reports/depreciation_schedule.h"
#include "reports/report_snapshot.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
struct CardName {
    std::string number, serial, category;
    std::int64_t total_hours = 0;
};

Result<std::map<Id, CardName>> card_names(db::Connection& c) {
    auto q = c.prepare(
        "SELECT a.id, a.asset_number, d.serial, g.name, a.total_workload_hours FROM asset_cards a "
        "JOIN devices d ON d.id = a.device_id JOIN asset_categories g ON g.code = a.category_code");
    if (!q) return fail(q.error());
    std::map<Id, CardName> out;
    while (true) {
        auto r = q->step();
        if (!r) return fail(r.error());
        if (!*r) break;
        out[q->i64(0)] = {q->text(1), q->text(2), q->text(3), q->i64(4)};
    }
    return out;
}
}  // namespace

Result<std::string> actor_text(db::Connection& c, const std::string& actor) {
    auto name = lookup_text(c, "SELECT name FROM officers WHERE number = ?1", actor);
    if (!name) return fail(name.error());
    return *name ? person_text(**name, actor) : actor;
}

Result<DepreciationSchedule> load_depreciation_schedule(ReportSnapshot& s, std::optional<AccountingMonth> month) {
    // Read-only: the rows' audit hook is never called for reads.
    db::FinanceRows finance(s.db(), {});
    auto close = month ? finance.month_close(*month) : finance.latest_month_close();
    if (!close) return fail(close.error());
    if (!*close) {
        if (month) return fail(Error(MessageId::ReportMonthNotClosed, {month_text(*month)}));
        return fail(Error(MessageId::ReportNoMonthClosed));
    }
    DepreciationSchedule d;
    d.agency = s.profile().agency_name;
    d.close = **close;
    auto by = actor_text(s.db(), d.close.closed_by);
    if (!by) return fail(by.error());
    d.closed_by = *by;
    auto lines = finance.depreciation_lines(d.close.month);
    if (!lines) return fail(lines.error());
    auto names = card_names(s.db());
    if (!names) return fail(names.error());
    for (const auto& l : *lines) {
        const CardName& n = (*names)[l.asset_id];
        d.lines.push_back({l, n.number, n.serial, n.category, n.total_hours});
    }
    std::sort(d.lines.begin(), d.lines.end(),
              [](const auto& a, const auto& b) { return a.asset_number < b.asset_number; });
    return d;
}

}  // namespace custody::reports
