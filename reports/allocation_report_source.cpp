// The table's facts: the same per-unit counts `custodyctl allocation` prints
// (db/allocation_query.h), against the standard in the profile read with them.
#include "db/allocation_query.h"
#include "reports/allocation_report.h"
#include "reports/report_snapshot.h"

namespace custody::reports {

Result<AllocationReport> load_allocation_report(ReportSnapshot& s, Timestamp now) {
    auto counts = db::unit_headcounts(s.db());
    if (!counts) return fail(counts.error());
    AllocationReport r;
    r.agency = s.profile().agency_name;
    r.counted_at = now;
    r.per_device_a = s.profile().officers_per_device_class_a;
    r.per_device_b = s.profile().officers_per_device_class_b;
    for (const auto& c : *counts) r.units.push_back(allocation_of(c, s.profile()));
    return r;
}

}  // namespace custody::reports
