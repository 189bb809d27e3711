#pragma once
// The disc label and sleeve of an evidence export (R20): footage kept long-term is burnt
// to disc in two copies, and each disc's label or sleeve shows the producing unit, the
// maker, the date, the activity or case name and the case number. The label is drawn at
// the size of a 120 mm disc, to be cut out and stuck on; the sleeve holds the same with
// the image's SHA-256, so a disc can be checked against its record.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"
#include "reports/report_pages.h"

namespace custody::reports {

// One burnt copy, as recorded (evidence_copies); a copy not yet recorded has no label.
struct DiscCopy {
    int number = 1;
    std::string recorded_label;
    std::optional<Timestamp> recorded_at;
    std::string recorded_by;
};

struct DiscLabels {
    std::string agency;
    // The unit whose cameras made the footage; the agency when it is several or none.
    std::string producing_unit;
    Id export_id = 0;
    std::string case_number;
    std::string maker;      // 制作人
    std::string extractor;  // 提取人
    Timestamp made_at;
    std::int64_t files = 0;
    std::string iso_name;  // the image's file name
    std::string iso_sha256;
    std::string activity;  // as asked; empty: a line to write on
    // At least two (R20), and every copy recorded beyond them.
    std::vector<DiscCopy> copies;
};

class ReportSnapshot;
// The export `export_id`, else the newest export of `case_number`, else the newest
// export. EvidenceExportUnknown, ReportCaseNotExported, ReportNoEvidenceExport.
Result<DiscLabels> load_disc_labels(ReportSnapshot& s, std::optional<Id> export_id,
                                    const std::optional<std::string>& case_number);

ReportHeading disc_labels_heading(const DiscLabels& d, Lang lang);
// Page 1: the export and its copies; then one page per copy, the label above and the
// sleeve below.
void compose_disc_labels(ReportPages& pages, const DiscLabels& d);

// Real sizes, for the composer and for whoever checks a print.
inline constexpr float kDiscDiameterMm = 120.0f;
inline constexpr float kDiscHoleDiameterMm = 15.0f;
inline constexpr float kDiscClampDiameterMm = 36.0f;  // the clamping ring, left blank
inline constexpr float kSleeveSideMm = 125.0f;

}  // namespace custody::reports
