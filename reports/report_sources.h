#pragma once
// Where each document's facts come from: read from one snapshot of the database, in the
// words and numbers the composer prints. A source that finds nothing to report on says
// so (ReportUnknownRecord) rather than printing an empty form.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"
#include "reports/report_snapshot.h"
#include "reports/usage_ledger.h"

namespace custody::reports {

// Which part of the ledger a report covers; unset fields mean "all".
struct LedgerScope {
    std::optional<std::string> unit_code;
    std::optional<std::string> officer_number;
    std::optional<std::string> device_serial;
    std::optional<Timestamp> from;
    std::optional<Timestamp> to;  // exclusive
};

// The calendar month (agency time) of the newest ledger entry, or of `now` when the ledger
// is empty: what a report shows when no period is asked for.
Result<std::pair<Timestamp, Timestamp>> default_month(ReportSnapshot& s, Timestamp now);

// The period a ledger-based report covers: the one asked for; without any, default_month;
// an open start is the first ledger entry's day, an open end is now.
Result<LedgerScope> with_period(ReportSnapshot& s, LedgerScope scope, Timestamp now);

Result<UsageLedger> load_usage_ledger(ReportSnapshot& s, const LedgerScope& scope);

}  // namespace custody::reports
