#pragma once
// The inventory reconciliation report 执法记录仪盘点报告: a saved reconciliation as the
// custodian signs it — what the ledger expected against what was in the slots, out, in
// repair or quarantined, every discrepancy, who reconciled and when (R3, R4, R9).

#include "kiosk/core/reconciliation_record.h"
#include "reports/report_pages.h"

namespace custody::reports {

struct ReconciliationReport {
    std::string agency;
    Reconciliation record;
};

class ReportSnapshot;
// The record `id`, or the newest one.
Result<ReconciliationReport> load_reconciliation_report(ReportSnapshot& s, std::optional<Id> id);

ReportHeading reconciliation_report_heading(const ReconciliationReport& r, Lang lang);
void compose_reconciliation_report(ReportPages& pages, const ReconciliationReport& r);

}  // namespace custody::reports
