#pragma once
// The demo's finance side (R3, R9, R25, R26): a finance clerk, an asset card for every
// camera (imported as a finance office would, from CSV), the last two complete months
// closed, one repair back from the supplier and one still there, and three compensation
// cases: one approved and partly paid, one waived, one of deliberate damage with its
// violation record, waiting for finance's review. The finance clerk has a badge and the
// demo PIN, for the kiosk's finance screen.

#include "kiosk/cli/demo_agency.h"

namespace custody::cli {

inline constexpr const char* kDemoFinanceNumber = "310499";
inline constexpr const char* kDemoFinanceBadge = "04A1F499";

struct DemoFinanceStats {
    int cards = 0;
    int months_closed = 0;
    int repairs = 0;
    int cases = 0;
};

Result<DemoFinanceStats> run_demo_finance(CustodyStore& store, ManualClock& clock, const DemoAgency& agency);

}  // namespace custody::cli
