#pragma once
// The offload receipt 录像导出回执: what an officer handed back and what came off the
// camera — who returned which device to which slot and when, each file with its size,
// length and SHA-256, and whether the camera's copy was cleared. R15 allows the wipe
// only after every file is committed to the archive, so the receipt says when it
// happened, or plainly that it has not.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"
#include "kiosk/core/offload_job.h"
#include "kiosk/core/recording.h"
#include "reports/report_pages.h"

namespace custody::reports {

struct ReceiptFile {
    std::string name;  // the path on the camera's volume
    MediaKind kind = MediaKind::Other;
    std::int64_t bytes = 0;
    std::optional<std::int64_t> duration_ms;
    std::string sha256;  // empty until verified
    RecordingState state = RecordingState::Pending;
    std::optional<Timestamp> wiped_at;
};

struct OffloadReceipt {
    std::string agency;
    std::string unit;  // the device's unit
    Id job_id = 0;
    std::string device_serial;
    std::string device_model;  // brand and model
    int slot = 0;
    std::string officer;  // who returned it, "name（number）"; empty: an unexpected return
    std::string partner;  // R10, from the checkout it closed
    std::optional<Timestamp> checked_out_at;
    std::optional<Timestamp> returned_at;
    Timestamp started_at;
    std::optional<Timestamp> finished_at;
    OffloadJobState state = OffloadJobState::Running;
    std::string failure_zh;
    std::string failure_en;
    int attempts = 1;
    std::optional<std::int64_t> custody_ms;
    std::optional<std::int64_t> recorded_ms;
    std::optional<std::int64_t> longest_gap_ms;
    bool interruption_needed = false;      // R13
    std::vector<Id> interruption_records;  // made for this job so far
    std::vector<ReceiptFile> files;
};

class ReportSnapshot;
// The job `job_id`, else the newest completed one. JobUnknown, ReportNoOffload.
Result<OffloadReceipt> load_offload_receipt(ReportSnapshot& s, std::optional<Id> job_id);

ReportHeading offload_receipt_heading(const OffloadReceipt& r, Lang lang);
void compose_offload_receipt(ReportPages& pages, const OffloadReceipt& r);

}  // namespace custody::reports
