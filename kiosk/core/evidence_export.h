#pragma once
// R19, R20: a case's footage copied to other media with an explanatory note, and the
// two labelled discs kept for long-term preservation.

#include <cstdint>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"

namespace custody {

struct EvidenceExport {
    Id id = 0;
    std::string case_number;
    std::string folder;       // absolute path of the package folder
    std::string iso_path;     // absolute path of the ISO 9660 image
    std::string iso_sha256;
    std::string maker;        // 制作人
    std::string extractor;    // 提取人
    Timestamp made_at;
    std::int64_t recordings = 0;
};

// One burnt copy of an export, with what its label or sleeve says (R20).
struct EvidenceCopy {
    Id id = 0;
    Id export_id = 0;
    int copy_number = 1;
    std::string label;
    Timestamp recorded_at;
    std::string recorded_by;
};

}  // namespace custody
