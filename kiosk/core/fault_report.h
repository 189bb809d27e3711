#pragma once
// R9, R26: an officer or custodian reports a fault or damage when a device comes back.
// Filing takes the device out of service at once, and a damage kind marks the report for
// a compensation case.

#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"
#include "kiosk/core/fault_report_record.h"

namespace custody {

struct FaultReportRequest {
    std::string device_serial;
    FaultKind kind = FaultKind::Other;
    std::string reported_by;  // officer number
    std::string note;
};

class FaultReport {
public:
    FaultReport(CustodyStore& store, const Clock& clock) : store_(store), clock_(clock) {}
    // Refuses (audited) an unknown device or officer, a device that is out, in repair,
    // lost or disposed, and "other" without a note. Quarantines the device (R9).
    Result<Id> file(const FaultReportRequest& request);
    // Reports whose device has not been released since, oldest first.
    Result<std::vector<FaultReportRecord>> open_reports();

private:
    CustodyStore& store_;
    const Clock& clock_;
};

}  // namespace custody
