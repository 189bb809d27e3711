// The register's facts: every case and its events through the finance rows (the status
// and payments are read from the events, as progress_of reads them), with the device's
// and the liable officer's names and the violations each case opened.
#include <algorithm>

#include "db/finance_rows.h"
#include "reports/compensation_register.h"
#include "reports/report_snapshot.h"
#include "reports/report_text.h"

namespace custody::reports {

Result<CompensationRegister> load_compensation_register(ReportSnapshot& s) {
    // Read-only: the rows' audit hook is never called for reads.
    db::FinanceRows finance(s.db(), {});
    CompensationRegister r;
    r.agency = s.profile().agency_name;
    auto cases = finance.compensation_cases();
    if (!cases) return fail(cases.error());
    auto names = s.db().prepare(
        "SELECT d.serial, a.asset_number, o.name, o.number, u.name FROM compensation_cases c "
        "JOIN devices d ON d.id = c.device_id JOIN asset_cards a ON a.id = c.asset_id "
        "JOIN officers o ON o.id = c.liable_officer_id JOIN units u ON u.id = o.unit_id WHERE c.id = ?1");
    if (!names) return fail(names.error());
    for (const auto& c : *cases) {
        CompensationRegisterLine l;
        l.c = c;
        names->reset();
        names->bind(1, c.id);
        auto row = names->step();
        if (!row) return fail(row.error());
        if (*row) {
            l.device_serial = names->text(0);
            l.asset_number = names->text(1);
            l.officer = person_text(names->text(2), names->text(3));
            l.unit = names->text(4);
        }
        auto events = finance.compensation_events(c.id);
        if (!events) return fail(events.error());
        l.progress = progress_of(c, *events);
        auto violations = finance.violations_of_case(c.id);
        if (!violations) return fail(violations.error());
        l.violations = *violations;
        r.lines.push_back(std::move(l));
    }
    std::sort(r.lines.begin(), r.lines.end(), [](const auto& a, const auto& b) { return a.c.id < b.c.id; });
    return r;
}

}  // namespace custody::reports
