#pragma once
// A camera docked in a slot at shift end: close its open checkout, or record an
// unexpected return of a device that was not out; either way it is now docked and
// pending offload (R14, R15).

#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

namespace custody {

struct ReturnRequest {
    std::string device_serial;
    int slot = 0;
    std::string actor = "kiosk";  // who reported the docking
};

struct ReturnReceipt {
    Id entry_id = 0;
    Device device;
    std::optional<Officer> officer;  // none for an unexpected return
    bool unexpected = false;
    int slot = 0;
    std::optional<Timestamp> checked_out_at;
};

class Return {
public:
    Return(CustodyStore& store, const Clock& clock) : store_(store), clock_(clock) {}
    Result<ReturnReceipt> run(const ReturnRequest& request);

private:
    CustodyStore& store_;
    const Clock& clock_;
};

}  // namespace custody
