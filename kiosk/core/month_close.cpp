#include "kiosk/core/month_close.h"

#include "kiosk/core/agency_time.h"
#include "kiosk/core/asset_value.h"
#include "kiosk/core/refusal.h"

namespace custody {

Result<std::optional<AccountingMonth>> next_month_to_close(FinanceReads& finance) {
    auto latest = finance.latest_month_close();
    if (!latest) return fail(latest.error());
    if (!*latest) return std::optional<AccountingMonth>();
    return std::optional<AccountingMonth>((*latest)->month.next());
}

namespace {

// Months close in order, and only once they are over. A month before the first close
// that was never closed stays so: the later months were computed without it.
Result<std::optional<Error>> order_problem(FinanceReads& finance, AccountingMonth month, CivilDate today) {
    if (!(month.last_day() < today)) return std::optional(Error(MessageId::MonthNotOver, {month_text(month)}));
    auto latest = finance.latest_month_close();
    if (!latest) return fail(latest.error());
    if (!*latest) return std::optional<Error>();
    const AccountingMonth last = (*latest)->month;
    if (month < last)
        return std::optional(Error(MessageId::MonthBeforeFirstClose, {month_text(month), month_text(last)}));
    if (month > last.next())
        return std::optional(Error(MessageId::MonthOutOfOrder, {month_text(month), month_text(last.next())}));
    return std::optional<Error>();
}

}  // namespace

Result<MonthCloseOutcome> MonthClosing::close(AccountingMonth month) {
    const Timestamp now = clock_.now();
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    StoreTx& tx = **begun;
    FinanceRecords& finance = tx.finance();

    auto existing = finance.month_close(month);
    if (!existing) return fail(existing.error());
    if (*existing) return MonthCloseOutcome{**existing, true};

    auto problem = order_problem(finance, month, local_date_of(now));
    if (!problem) return fail(problem.error());
    if (*problem) {
        begun->reset();
        return fail(refuse(store_, **problem, actor_, "close_month_refused", month_text(month)));
    }

    auto profile = tx.profile();
    if (!profile) return fail(profile.error());
    const DepreciationProfile dp = depreciation_profile_of(*profile);
    auto cards = finance.asset_cards();
    if (!cards) return fail(cards.error());
    std::vector<DepreciationLine> lines;
    MonthClose close{month, now, actor_, dp, 0, 0};
    for (const auto& card : *cards) {
        if (!on_register_in(card, month)) continue;
        auto value = value_at_end_of(finance, card, dp, month);
        if (!value) return fail(value.error());
        close.total_charge += value->line.charge;
        lines.push_back(value->line);
    }
    close.assets = static_cast<int>(lines.size());
    CUSTODY_TRY(finance.add_month_close(
        close, lines,
        {actor_, "close_month", month_text(month),
         "assets=" + std::to_string(close.assets) + "; charge=" + yuan_text(close.total_charge) +
             "; policy=" + std::string(named(kDepreciationPolicies, dp.policy).code)}));
    CUSTODY_TRY(tx.commit());
    return MonthCloseOutcome{close, false};
}

}  // namespace custody
