// The disc labels' facts (R20): the export, the unit whose footage it holds, and the
// copies burnt from it.
#include <algorithm>

#include "reports/disc_label.h"
#include "reports/report_snapshot.h"

namespace custody::reports {

namespace {
std::string base_name(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

Result<std::optional<Id>> which_export(db::Connection& c, std::optional<Id> export_id,
                                       const std::optional<std::string>& case_number) {
    if (export_id) return export_id;
    auto q = c.prepare(
        "SELECT id FROM evidence_exports WHERE ?1 IS NULL OR case_number = ?1 "
        "ORDER BY made_at_ms DESC, id DESC LIMIT 1");
    if (!q) return fail(q.error());
    q->bind(1, case_number);
    auto r = q->step();
    if (!r) return fail(r.error());
    if (*r) return std::optional<Id>(q->i64(0));
    if (case_number) return fail(Error(MessageId::ReportCaseNotExported, {*case_number}));
    return fail(Error(MessageId::ReportNoEvidenceExport));
}
}  // namespace

Result<DiscLabels> load_disc_labels(ReportSnapshot& s, std::optional<Id> export_id,
                                    const std::optional<std::string>& case_number) {
    auto id = which_export(s.db(), export_id, case_number);
    if (!id) return fail(id.error());
    auto q = s.db().prepare(
        "SELECT id, case_number, iso_path, iso_sha256, maker, extractor, made_at_ms, recordings "
        "FROM evidence_exports WHERE id = ?1");
    if (!q) return fail(q.error());
    q->bind(1, **id);
    auto row = q->step();
    if (!row) return fail(row.error());
    if (!*row) return fail(Error(MessageId::EvidenceExportUnknown, {std::to_string(**id)}));
    DiscLabels d;
    d.agency = s.profile().agency_name;
    d.export_id = q->i64(0);
    d.case_number = q->text(1);
    d.iso_name = base_name(q->text(2));
    d.iso_sha256 = q->text(3);
    d.maker = q->text(4);
    d.extractor = q->text(5);
    d.made_at = Timestamp{q->i64(6)};
    d.files = q->i64(7);

    // The export copies the case's archived footage, so its cameras' unit made the disc.
    auto units = s.db().prepare(
        "SELECT DISTINCT u.name FROM recordings r JOIN devices d ON d.id = r.device_id JOIN units u ON u.id = "
        "d.unit_id "
        "WHERE r.case_number = ?1 AND r.state IN ('committed', 'wiped') AND r.purged_at_ms IS NULL ORDER BY u.name");
    if (!units) return fail(units.error());
    units->bind(1, d.case_number);
    std::vector<std::string> names;
    while (true) {
        auto r = units->step();
        if (!r) return fail(r.error());
        if (!*r) break;
        names.push_back(units->text(0));
    }
    d.producing_unit = names.size() == 1 ? names.front() : d.agency;

    auto copies = s.db().prepare(
        "SELECT copy_number, label, recorded_at_ms, recorded_by FROM evidence_copies "
        "WHERE export_id = ?1 ORDER BY copy_number");
    if (!copies) return fail(copies.error());
    copies->bind(1, d.export_id);
    std::vector<DiscCopy> recorded;
    while (true) {
        auto r = copies->step();
        if (!r) return fail(r.error());
        if (!*r) break;
        recorded.push_back({copies->i32(0), copies->text(1), Timestamp{copies->i64(2)}, copies->text(3)});
    }
    // R20 asks for two copies; labels are printed for both even before they are recorded.
    int count = 2;
    for (const auto& c : recorded) count = std::max(count, c.number);
    for (int n = 1; n <= count; ++n) {
        auto found = std::find_if(recorded.begin(), recorded.end(), [n](const DiscCopy& c) { return c.number == n; });
        d.copies.push_back(found != recorded.end() ? *found : DiscCopy{n, "", std::nullopt, ""});
    }
    return d;
}

}  // namespace custody::reports
