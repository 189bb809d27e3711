#include "kiosk/core/asset_value.h"

#include <stdexcept>

#include "kiosk/core/agency_time.h"

namespace custody {

DepreciationProfile depreciation_profile_of(const AgencyProfile& p) {
    DepreciationProfile d;
    d.policy = p.depreciation_policy == "enterprise" ? DepreciationPolicy::Enterprise : DepreciationPolicy::Government;
    d.residual_rate_bp = d.policy == DepreciationPolicy::Enterprise ? p.residual_rate_bp : 0;
    return d;
}

MonthSpan span_of(AccountingMonth month) {
    auto from = parse_local(month_text(month) + "-01");
    auto to = parse_local(month_text(month.next()) + "-01");
    // Every first of a month exists in every zone the profile accepts.
    if (!from || !to) throw std::logic_error("no local midnight for " + month_text(month));
    return {*from, *to};
}

CivilDate local_date_of(Timestamp t) {
    auto d = parse_civil_date(format_local_date(t));
    if (!d) throw std::logic_error("unreadable local date");
    return *d;
}

namespace {

Result<std::int64_t> hours_in(FinanceReads& finance, const AssetCard& card, AccountingMonth month) {
    if (card.method != DepreciationMethod::Workload) return 0;
    MonthSpan span = span_of(month);
    return finance.hours_out(card.device_id, span.from, span.to);
}

}  // namespace

Result<AssetValue> value_at_end_of(FinanceReads& finance, const AssetCard& card, const DepreciationProfile& profile,
                                   AccountingMonth month) {
    auto stored = finance.depreciation_line(card.id, month);
    if (!stored) return fail(stored.error());
    if (*stored) return AssetValue{**stored, true};

    // Carry on from the newest closed figure before the month, if the card has one.
    std::optional<DepreciationLine> base;
    auto latest = finance.latest_month_close();
    if (!latest) return fail(latest.error());
    if (*latest && (*latest)->month < month) {
        auto l = finance.depreciation_line(card.id, (*latest)->month);
        if (!l) return fail(l.error());
        base = *l;
    }
    if (base) {
        DepreciationLine line = *base;
        for (AccountingMonth m = base->month.next(); m <= month; m = m.next()) {
            auto hours = hours_in(finance, card, m);
            if (!hours) return fail(hours.error());
            line = depreciate_month(card, profile, m, line.state(), *hours);
        }
        return AssetValue{line, false};
    }
    std::optional<Error> failed;
    DepreciationLine line = depreciate_through(card, profile, month, [&](AccountingMonth m) -> std::int64_t {
        auto hours = hours_in(finance, card, m);
        if (hours) return *hours;
        if (!failed) failed = hours.error();
        return 0;
    });
    if (failed) return fail(std::move(*failed));
    return AssetValue{line, false};
}

}  // namespace custody
