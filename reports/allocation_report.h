#pragma once
// The allocation table 执法记录仪配备情况表 (R2): per unit its officers, the devices on its
// books, its class and standard, how many it needs, the shortfall or surplus and whether
// it meets the standard, with the agency's totals, counted when the report is made.

#include <string>
#include <vector>

#include "kiosk/core/allocation.h"
#include "reports/report_documents.h"

namespace custody::reports {

struct AllocationReport {
    std::string agency;
    Timestamp counted_at;
    std::int64_t per_device_a = 0;  // the profile's standard, officers per device
    std::int64_t per_device_b = 0;
    std::vector<UnitAllocation> units;  // by unit code
};

class ReportSnapshot;
Result<AllocationReport> load_allocation_report(ReportSnapshot& s, Timestamp now);

ReportHeading allocation_report_heading(const AllocationReport& r, Lang lang);
void compose_allocation_report(ReportPages& pages, const AllocationReport& r);

// Its entry in make_report (report_documents.h lists the others).
Result<ComposedReport> compose_allocation_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                   Timestamp now);

}  // namespace custody::reports
