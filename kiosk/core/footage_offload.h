#pragma once
// The offload of a docked camera (R12, R14, R15): every recording is copied to the
// archive and verified, listed in the job's SHA256SUMS and committed in the database,
// and only then is the camera wiped and the wipe confirmed. Each step is recorded
// before the next begins, so a run killed anywhere resumes from the database with
// nothing lost and nothing copied twice.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/camera_link.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/coverage.h"
#include "kiosk/core/custody_store.h"
#include "kiosk/core/footage_archive.h"
#include "kiosk/core/media_probe.h"
#include "kiosk/core/offload_progress.h"

namespace custody {

struct OffloadRequest {
    int slot = 0;
    // The ledger entry that closed the custody interval, when this docking made one.
    std::optional<Id> return_entry_id;
    // Camera minus kiosk clock, measured at docking before the clock was set; when
    // absent the offload reads the camera's clock itself before anything sets it.
    std::optional<std::int64_t> clock_offset_ms;
    std::string actor = "kiosk";
};

struct OffloadOutcome {
    OffloadJob job;
    std::vector<Recording> recordings;
    std::optional<CoverageReport> coverage;  // none for an unexpected return
    bool resumed = false;                    // an earlier run of this job was cut short
};

class FootageOffload {
public:
    FootageOffload(CustodyStore& store, const Clock& clock, FootageArchive& archive, MediaProbe& probe)
        : store_(store), clock_(clock), archive_(archive), probe_(probe) {}

    // Starts the device's offload job, or carries on with its unfinished one. A failure
    // is recorded on the job (its reason shown to the custodian) and returned as
    // OffloadFailed with the cause; nothing is wiped from a camera whose job failed.
    Result<OffloadOutcome> run(DockedCamera& camera, const OffloadRequest& request,
                               const OffloadProgressFn& progress = {});

private:
    CustodyStore& store_;
    const Clock& clock_;
    FootageArchive& archive_;
    MediaProbe& probe_;
};

}  // namespace custody
