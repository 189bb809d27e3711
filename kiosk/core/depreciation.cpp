#include "kiosk/core/depreciation.h"

#include <algorithm>

namespace custody {

bool on_register_in(const AssetCard& card, AccountingMonth month) {
    if (month < month_of(card.in_service_date)) return false;
    return !card.disposed_on || month <= month_of(*card.disposed_on);
}

bool charged_in(const AssetCard& card, const DepreciationProfile& profile, AccountingMonth month) {
    const AccountingMonth added = month_of(card.in_service_date);
    const std::optional<AccountingMonth> left =
        card.disposed_on ? std::optional(month_of(*card.disposed_on)) : std::nullopt;
    if (profile.policy == DepreciationPolicy::Government) return month >= added && (!left || month < *left);
    return month > added && (!left || month <= *left);
}

DepreciationLine depreciate_month(const AssetCard& card, const DepreciationProfile& profile, AccountingMonth month,
                                  const DepreciationState& before, std::int64_t workload_hours) {
    DepreciationLine l;
    l.asset_id = card.id;
    l.month = month;
    l.original_value = card.original_value;
    l.policy = profile.policy;
    l.residual_rate_bp = profile.policy == DepreciationPolicy::Enterprise ? profile.residual_rate_bp : 0;
    l.residual_value = apply_rate(card.original_value, l.residual_rate_bp);
    l.method = card.method;
    l.useful_life_months = card.useful_life_months;
    l.value_date = month.last_day();
    l.months_charged = before.months_charged;
    l.workload_used_hours = before.workload_used_hours;

    const Fen depreciable = card.original_value - l.residual_value;
    const Fen remaining = std::max<Fen>(0, depreciable - before.accumulated);
    if (charged_in(card, profile, month) && remaining > 0) {
        if (card.method == DepreciationMethod::StraightLine) {
            const int months_left = card.useful_life_months - before.months_charged;
            l.charge = months_left <= 1 ? remaining : divide_half_up(remaining, 1, months_left);
            l.months_charged += 1;
        } else {
            const std::int64_t hours = std::max<std::int64_t>(0, workload_hours);
            const std::int64_t hours_left = card.total_workload_hours - before.workload_used_hours;
            l.workload_hours = hours;
            l.workload_used_hours += hours;
            if (hours > 0) {
                l.charge = hours >= hours_left ? remaining : divide_half_up(remaining, hours, hours_left);
                l.months_charged += 1;
            }
        }
    }
    l.accumulated = before.accumulated + l.charge;
    l.net_book_value = card.original_value - l.accumulated;
    return l;
}

DepreciationLine depreciate_through(const AssetCard& card, const DepreciationProfile& profile, AccountingMonth month,
                                    const std::function<std::int64_t(AccountingMonth)>& workload_of) {
    DepreciationState state;
    DepreciationLine line;
    AccountingMonth m = month_of(card.in_service_date);
    if (month < m) {  // not yet on the register: nothing charged, the full value stands
        line = depreciate_month(card, profile, month, state, 0);
        return line;
    }
    for (; m <= month; m = m.next()) {
        const std::int64_t hours = card.method == DepreciationMethod::Workload ? workload_of(m) : 0;
        line = depreciate_month(card, profile, m, state, hours);
        state = line.state();
    }
    return line;
}

std::string convention_text(const DepreciationProfile& p, bool zh) {
    if (p.policy == DepreciationPolicy::Government)
        return zh ? "政府会计准则第3号：当月增加当月计提，当月减少当月不再计提，不留残值，计提至提足为止"
                  : "Government Accounting Standard No. 3: charged from the month added, not in the month it "
                    "leaves, no residual value, until fully depreciated";
    return zh ? "企业会计准则：当月增加次月起计提，当月减少当月照提，残值率 " + rate_text(p.residual_rate_bp)
              : "enterprise accounting: charged from the month after it is added, still charged in the month it "
                "leaves, residual rate " + rate_text(p.residual_rate_bp);
}

}  // namespace custody
