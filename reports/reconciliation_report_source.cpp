#include "db/custodian_rows.h"
#include "reports/reconciliation_report.h"
#include "reports/report_snapshot.h"

namespace custody::reports {

Result<ReconciliationReport> load_reconciliation_report(ReportSnapshot& s, std::optional<Id> id) {
    // Read-only: the rows' audit hook is never called for reads.
    db::CustodianRows rows(s.db(), {});
    auto count = s.db().prepare("SELECT count(*) FROM reconciliations");
    if (!count) return fail(count.error());
    auto c = count->step();
    if (!c) return fail(c.error());
    const int all = static_cast<int>(count->i64(0));
    auto records = rows.recent_reconciliations(id ? all : 1);
    if (!records) return fail(records.error());
    ReconciliationReport r;
    r.agency = s.profile().agency_name;
    for (auto& rec : *records) {
        if (!id || rec.id == *id) {
            r.record = std::move(rec);
            return r;
        }
    }
    if (id) return fail(Error(MessageId::ReportReconciliationUnknown, {std::to_string(*id)}));
    return fail(Error(MessageId::ReportNoReconciliation));
}

}  // namespace custody::reports
