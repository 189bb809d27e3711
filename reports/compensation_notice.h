#pragma once
// The compensation notice 赔偿通知书 (R26): one loss or damage case as it is served on the
// liable officer — who is liable and how the ledger found them, the device and its asset
// card, what happened and why, the amount calculated line by line from the asset's value
// (method, convention, value date), every approval step with who, when and why, payments
// and what is outstanding, and boxes for the officer's acknowledgement and the
// custodian's, unit head's and finance's signatures.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/compensation_progress.h"
#include "kiosk/core/officer.h"
#include "reports/report_documents.h"

namespace custody::reports {

struct CompensationStepLine {
    CompensationEvent event;
    std::string by;  // "name（number）"
    Role role = Role::Officer;
};

struct CompensationNotice {
    std::string agency;
    CompensationCase c;
    std::string opened_by;  // "name（number）" when the one who opened it is on the roll
    std::string officer;  // the liable officer, "name（number）"
    std::string officer_unit;
    std::string device_serial;
    std::string device_model;
    std::string asset_number;
    std::optional<Timestamp> checkout_at;  // the holder's checkout (LiableBasis::LedgerHolder)
    std::optional<int> checkout_slot;
    // The asset's figures at the value date, the ones the amount came from: the closed
    // month's when stored, the case's own net book value where it has one.
    DepreciationLine value;
    CaseProgress progress;
    std::vector<CompensationStepLine> steps;
    std::vector<Violation> violations;  // R25, opened by this case
};

class ReportSnapshot;
// The case `id`, or the newest one.
Result<CompensationNotice> load_compensation_notice(ReportSnapshot& s, std::optional<Id> id);

ReportHeading compensation_notice_heading(const CompensationNotice& n, Lang lang);
void compose_compensation_notice(ReportPages& pages, const CompensationNotice& n);

// Its entry in make_report (report_documents.h lists the others).
Result<ComposedReport> compose_compensation_notice_document(ReportSnapshot& s, const ReportRequest& r,
                                                            PdfDocument& doc, Timestamp now);

}  // namespace custody::reports
