#pragma once
// The demo's paperwork, so that every report has a record to print: one recent offload's
// footage held as evidence of a case, exported with its note and disc image and its two
// burnt copies recorded (R19, R20), and the day's inventory reconciliation saved.

#include <string>

#include "kiosk/cli/demo_agency.h"
#include "kiosk/core/footage_archive.h"

namespace custody::cli {

inline constexpr const char* kDemoCaseNumber = "JT-2026-0012";

struct DemoPaperwork {
    std::string case_number;
    int evidence_files = 0;
    Id export_id = 0;
    Id reconciliation_id = 0;
};

Result<DemoPaperwork> run_demo_paperwork(CustodyStore& store, const Clock& clock, FootageArchive& archive,
                                         const DemoAgency& agency, const std::string& evidence_dir);

}  // namespace custody::cli
