#pragma once
// R14: a device out longer than the offload deadline is flagged.

#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

namespace custody {

struct OverdueDevice {
    Device device;
    CustodyEntry checkout;
    std::optional<Officer> officer;
    std::int64_t hours_out = 0;
};

Result<std::vector<OverdueDevice>> find_overdue(CustodyStore& store, Timestamp now);

}  // namespace custody
