#pragma once
// A device's usage history as the ledger tells it (R5), for the custodian's device
// detail. The store adapter answers it; the screen only shows the lines.

#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/result.h"

namespace custody::terminal {

struct HistoryLine {
    Timestamp at;
    std::string what;    // the ledger entry's kind code (checkout, return, ...)
    std::string who;     // officer number and name, empty for the kiosk
    std::string detail;  // partner, slot
};

class DeviceHistory {
public:
    virtual ~DeviceHistory() = default;
    // The latest `limit` lines, newest first.
    virtual Result<std::vector<HistoryLine>> of_device(const std::string& serial, int limit) = 0;
};

}  // namespace custody::terminal
