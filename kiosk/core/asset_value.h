#pragma once
// What an asset card is worth at the end of a month: the stored figure when the month is
// closed, otherwise computed on from the last closed month (or from the in-service month
// when nothing is closed), with the workload method's hours read from the usage ledger.

#include "kiosk/core/agency_profile.h"
#include "kiosk/core/depreciation.h"
#include "kiosk/core/finance_store.h"

namespace custody {

DepreciationProfile depreciation_profile_of(const AgencyProfile& p);

// The month's bounds on the agency's calendar (the applied time zone).
struct MonthSpan {
    Timestamp from;
    Timestamp to;  // the first instant of the next month
};
MonthSpan span_of(AccountingMonth month);
// Today on the agency's calendar.
CivilDate local_date_of(Timestamp t);

struct AssetValue {
    DepreciationLine line;
    bool from_closed_month = false;
};

Result<AssetValue> value_at_end_of(FinanceReads& finance, const AssetCard& card, const DepreciationProfile& profile,
                                   AccountingMonth month);

}  // namespace custody
