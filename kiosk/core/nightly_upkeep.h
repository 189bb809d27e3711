#pragma once
// What the kiosk's nightly job does (custodyctl maintenance, on the unit's timer): close
// the accounting months that have ended since the last close (R3), count the footage past
// its retention that waits for a keeper's review (R18), and name the devices still out
// past the offload deadline (R14). Every finding is logged with its device and officer,
// so the journal holds the night's record; nothing is purged or changed but the months.

#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"
#include "kiosk/core/finance_store.h"
#include "kiosk/core/overdue.h"

namespace custody {

struct UpkeepReport {
    std::vector<MonthClose> months_closed;
    // No month has ever been closed: the first close is finance's, by hand, because it
    // fixes where depreciation starts.
    bool first_close_by_hand = false;
    std::size_t retention_due = 0;
    std::vector<OverdueDevice> overdue;
    std::vector<Error> failures;  // a task that could not run; the others still did
};

UpkeepReport run_nightly_upkeep(CustodyStore& store, const Clock& clock);

}  // namespace custody
