// The register's facts: the repair orders through the finance rows, each with its
// device's brand and model, counted in days on the agency's calendar as `repair list`
// counts them.
#include "db/finance_rows.h"
#include "kiosk/core/asset_value.h"
#include "reports/repair_register.h"
#include "reports/report_snapshot.h"

namespace custody::reports {

Result<RepairRegister> load_repair_register(ReportSnapshot& s, std::optional<Timestamp> from,
                                            std::optional<Timestamp> to, Timestamp now) {
    // Read-only: the rows' audit hook is never called for reads.
    db::FinanceRows finance(s.db(), {});
    RepairRegister r;
    r.agency = s.profile().agency_name;
    r.today = local_date_of(now);
    if (from) r.from = local_date_of(*from);
    if (to) r.to = local_date_of(Timestamp{to->ms - 1});  // `to` is exclusive
    auto orders = finance.repair_orders();
    if (!orders) return fail(orders.error());
    for (auto& o : *orders) {
        RepairRegisterLine l;
        l.out_of_service = local_date_of(o.opened_at);
        l.until = o.returned_on.value_or(r.today);
        if (r.to && l.out_of_service > *r.to) continue;
        if (r.from && l.until < *r.from) continue;
        l.days_down = days_between(l.out_of_service, l.until);
        auto model = lookup_text(s.db(), "SELECT brand || ' ' || model FROM devices WHERE serial = ?1", o.device_serial);
        if (!model) return fail(model.error());
        l.device_model = model->value_or("");
        l.order = std::move(o);
        r.lines.push_back(std::move(l));
    }
    return r;
}

}  // namespace custody::reports
