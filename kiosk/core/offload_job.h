#pragma once
// Moving the footage of one docking off the camera (R14, R15): the job row the pipeline
// resumes from after a crash.

#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"
#include "kiosk/core/named_code.h"

namespace custody {

// Running: started, or resumed. Failed: stopped with a reason; retried on the next
// docking or by a custodian, from where it stopped. Complete: everything is archived,
// the camera is wiped and the wipe was confirmed.
enum class OffloadJobState { Running, Failed, Complete };

inline constexpr NamedCode<OffloadJobState> kOffloadJobStates[] = {
    {OffloadJobState::Running, "running", "导出中", "running"},
    {OffloadJobState::Failed, "failed", "导出失败", "failed"},
    {OffloadJobState::Complete, "complete", "已完成", "complete"},
};

struct OffloadJob {
    Id id = 0;
    Id device_id = 0;
    std::string device_serial;
    int slot = 0;
    std::optional<Id> return_entry_id;    // the ledger entry that closed the checkout
    std::optional<Id> checkout_entry_id;  // the checkout it closed: the custody interval
    Timestamp started_at;
    // Camera clock minus kiosk clock at docking, before the clock was set (R7).
    std::optional<std::int64_t> clock_offset_ms;
    OffloadJobState state = OffloadJobState::Running;
    std::string archive_dir;  // relative to the archive root: yyyy/mm/dd/<serial>/<job id>
    std::string failure_code;  // message id of the last failure
    std::string failure_zh;
    std::string failure_en;
    int attempts = 1;
    std::optional<Timestamp> finished_at;
    // Coverage of the custody interval, once the recordings are known (R13).
    std::optional<std::int64_t> custody_ms;
    std::optional<std::int64_t> recorded_ms;
    std::optional<std::int64_t> longest_gap_ms;
    bool interruption_record_needed = false;
};

}  // namespace custody
