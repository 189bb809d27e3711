#pragma once
// The evidence record form 《同步录音录像摄录情况记录表》 (R21): what one camera recorded
// for a case, as the officers sign it, the unit head countersigns it and the unit seals
// and files it — officers, recording person, start and end, place, device, format,
// length, and each file with its SHA-256 so the paper can be checked against the archive.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"
#include "kiosk/core/recording.h"
#include "reports/report_pages.h"

namespace custody::reports {

struct EvidenceFormFile {
    Id recording_id = 0;
    std::string name;  // the camera's file name, as an officer knows it
    MediaKind kind = MediaKind::Other;
    // By the kiosk's clock (corrected for the camera's offset at docking) when known,
    // else as the camera's clock said.
    std::optional<Timestamp> start;
    bool start_by_camera_clock = false;
    std::optional<std::int64_t> duration_ms;  // none for a photo
    std::int64_t bytes = 0;
    std::string format;  // "wav / pcm_u8"
    std::string sha256;
};

struct EvidenceForm {
    std::string agency;
    std::string unit;         // the device's unit
    std::string case_number;  // empty when the recordings were named one by one
    // R10: the officer who had the camera and the partner of each checkout the footage
    // came back with, "name（number）", each once.
    std::vector<std::string> officers;
    // 摄录人: the officer who carried the camera and so recorded the other.
    std::vector<std::string> recorders;
    std::string device_serial;
    std::string device_brand;
    std::string device_model;
    std::optional<Timestamp> start;  // the earliest file start
    std::optional<Timestamp> end;    // the latest file start plus its length
    std::vector<std::string> formats;
    std::int64_t total_ms = 0;
    std::int64_t total_bytes = 0;
    std::string place;     // as asked; empty: a box to fill in by hand
    std::string activity;  // as asked; empty: a box to fill in by hand
    std::vector<EvidenceFormFile> files;
};

// What the form is about: the recordings named, else the case's archived recordings.
struct EvidenceFormChoice {
    std::vector<Id> recordings;
    std::optional<std::string> case_number;
};

class ReportSnapshot;
// With nothing chosen: the case of the newest evidence export, else the recordings of the
// newest completed offload. RecordingUnknown, ReportCaseHasNoRecordings, ReportNoRecordings;
// ReportMixedDevices when the files come from more than one camera.
Result<EvidenceForm> load_evidence_form(ReportSnapshot& s, const EvidenceFormChoice& choice);

ReportHeading evidence_form_heading(const EvidenceForm& f, Lang lang);
void compose_evidence_form(ReportPages& pages, const EvidenceForm& f);

}  // namespace custody::reports
