#pragma once
// Monthly depreciation of one asset card, exact in fen.
//
// Government profile (政府会计准则第3号, the default): no residual value; the month an
// asset is added is depreciated, the month it leaves is not; once fully depreciated it is
// not depreciated further. Enterprise profile (企业会计准则): a residual rate; depreciation
// from the month after it is added, and the month it leaves is still depreciated.
//
// Rounding: each month's charge is what remains to depreciate divided by what remains of
// the life (months, or hours for the workload method), rounded half up to the fen. The
// last month takes the remainder, so the charges add up to the depreciable amount exactly
// and a change of useful life acts from the next month on, never on months closed.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "kiosk/core/asset_card.h"

namespace custody {

enum class DepreciationPolicy { Government, Enterprise };

inline constexpr NamedCode<DepreciationPolicy> kDepreciationPolicies[] = {
    {DepreciationPolicy::Government, "government", "政府会计准则第3号", "Government Accounting Standard No. 3"},
    {DepreciationPolicy::Enterprise, "enterprise", "企业会计准则", "enterprise accounting"},
};

struct DepreciationProfile {
    DepreciationPolicy policy = DepreciationPolicy::Government;
    std::int64_t residual_rate_bp = 0;  // enterprise only
};

// How far depreciation had gone before a month.
struct DepreciationState {
    Fen accumulated = 0;
    int months_charged = 0;
    std::int64_t workload_used_hours = 0;
};

// One asset in one month: the figures a closed month stores and a report prints.
struct DepreciationLine {
    Id asset_id = 0;
    AccountingMonth month;
    Fen original_value = 0;
    Fen residual_value = 0;
    Fen charge = 0;
    Fen accumulated = 0;
    Fen net_book_value = 0;
    int months_charged = 0;
    std::int64_t workload_hours = 0;  // this month's, workload method
    std::int64_t workload_used_hours = 0;
    int useful_life_months = 0;
    DepreciationMethod method = DepreciationMethod::StraightLine;
    DepreciationPolicy policy = DepreciationPolicy::Government;
    std::int64_t residual_rate_bp = 0;
    CivilDate value_date;  // the month's last day

    DepreciationState state() const { return {accumulated, months_charged, workload_used_hours}; }
};

// Whether the card is on the register in the month: from its in-service month up to and
// including the month it was disposed of.
bool on_register_in(const AssetCard& card, AccountingMonth month);
// Whether the month carries a charge under the profile's convention.
bool charged_in(const AssetCard& card, const DepreciationProfile& profile, AccountingMonth month);

// The month after `before`. `workload_hours` is the month's use (workload method).
DepreciationLine depreciate_month(const AssetCard& card, const DepreciationProfile& profile, AccountingMonth month,
                                  const DepreciationState& before, std::int64_t workload_hours);

// Every month from the in-service month up to `month`, from nothing: the figure for a
// month no one has closed yet. `workload_of` gives a month's hours of use.
DepreciationLine depreciate_through(const AssetCard& card, const DepreciationProfile& profile, AccountingMonth month,
                                    const std::function<std::int64_t(AccountingMonth)>& workload_of);

// "当月增加当月计提，当月减少当月不提，无残值" and the like: the convention in words.
std::string convention_text(const DepreciationProfile& profile, bool zh);

}  // namespace custody
