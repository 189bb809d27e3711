#pragma once
// The hand-over point between the offload pipeline and custody: once every recording of
// a docked device is archived and verified, the device may serve again (R14, R15).

#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

namespace custody {

struct OffloadSummary {
    std::string device_serial;
    std::int64_t recordings = 0;
    std::int64_t bytes = 0;
    std::string actor = "kiosk";
};

class OffloadCompletion {
public:
    explicit OffloadCompletion(CustodyStore& store) : store_(store) {}
    Result<Device> record(const OffloadSummary& s);

private:
    CustodyStore& store_;
};

}  // namespace custody
