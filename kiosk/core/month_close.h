#pragma once
// R3: closing an accounting month stores each card's charge and net book value as they
// are, so a figure printed later never changes. Months close in order, once: closing a
// closed month again changes nothing and says so.

#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

namespace custody {

struct MonthCloseOutcome {
    MonthClose close;
    bool already_closed = false;
};

class MonthClosing {
public:
    MonthClosing(CustodyStore& store, const Clock& clock, std::string actor)
        : store_(store), clock_(clock), actor_(std::move(actor)) {}
    Result<MonthCloseOutcome> close(AccountingMonth month);

private:
    CustodyStore& store_;
    const Clock& clock_;
    std::string actor_;
};

// The month after the newest closed one, or none when nothing is closed yet.
Result<std::optional<AccountingMonth>> next_month_to_close(FinanceReads& finance);

}  // namespace custody
