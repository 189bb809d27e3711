// The evidence record form's facts (R21): which recordings, then each with its camera,
// its format and the checkout it came back from (R10).
#include <algorithm>

#include "reports/evidence_form.h"
#include "reports/report_snapshot.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {

void add_once(std::vector<std::string>& list, const std::string& item) {
    if (!item.empty() && std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

std::string base_name(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

Result<std::vector<Id>> ids_of(db::Connection& c, const char* sql, const std::optional<std::string>& arg) {
    auto q = c.prepare(sql);
    if (!q) return fail(q.error());
    if (arg) q->bind(1, *arg);
    std::vector<Id> ids;
    while (true) {
        auto r = q->step();
        if (!r) return fail(r.error());
        if (!*r) break;
        ids.push_back(q->i64(0));
    }
    return ids;
}

// What a case holds for a court: archived and not purged, as the evidence export copies it.
Result<std::vector<Id>> case_recordings(db::Connection& c, const std::string& case_number) {
    auto ids = ids_of(c,
                      "SELECT id FROM recordings WHERE case_number = ?1 AND purged_at_ms IS NULL "
                      "AND state IN ('committed', 'wiped') ORDER BY id",
                      case_number);
    if (!ids) return fail(ids.error());
    if (ids->empty()) return fail(Error(MessageId::ReportCaseHasNoRecordings, {case_number}));
    return ids;
}

// The recordings the form is about, and the case that chose them (empty if none did).
Result<std::pair<std::vector<Id>, std::string>> chosen(db::Connection& c, const EvidenceFormChoice& choice) {
    if (!choice.recordings.empty()) return std::make_pair(choice.recordings, std::string());
    std::optional<std::string> case_number = choice.case_number;
    if (!case_number) {
        auto q = c.prepare("SELECT case_number FROM evidence_exports ORDER BY made_at_ms DESC, id DESC LIMIT 1");
        if (!q) return fail(q.error());
        auto r = q->step();
        if (!r) return fail(r.error());
        if (*r) case_number = q->text(0);
    }
    if (case_number) {
        auto ids = case_recordings(c, *case_number);
        if (!ids) return fail(ids.error());
        return std::make_pair(std::move(*ids), *case_number);
    }
    auto ids =
        ids_of(c,
               "SELECT r.id FROM recordings r WHERE r.job_id = (SELECT id FROM offload_jobs WHERE state = 'complete' "
               "ORDER BY finished_at_ms DESC, id DESC LIMIT 1) AND r.purged_at_ms IS NULL ORDER BY r.id",
               std::nullopt);
    if (!ids) return fail(ids.error());
    if (ids->empty()) return fail(Error(MessageId::ReportNoRecordings));
    return std::make_pair(std::move(*ids), std::string());
}
}  // namespace

Result<EvidenceForm> load_evidence_form(ReportSnapshot& s, const EvidenceFormChoice& choice) {
    auto ids = chosen(s.db(), choice);
    if (!ids) return fail(ids.error());
    EvidenceForm f;
    f.agency = s.profile().agency_name;
    f.case_number = ids->second;
    auto q = s.db().prepare(
        "SELECT r.id, r.source_path, r.media_kind, r.container, r.codec, r.duration_ms, r.media_started_at_ms, "
        "r.corrected_start_ms, r.bytes, r.sha256, r.device_id, d.serial, d.brand, d.model, u.name, r.case_number, "
        "coalesce(o.name, ''), coalesce(o.number, ''), coalesce(p.name, ''), coalesce(p.number, '') "
        "FROM recordings r JOIN devices d ON d.id = r.device_id JOIN units u ON u.id = d.unit_id "
        "JOIN offload_jobs j ON j.id = r.job_id LEFT JOIN custody_entries c ON c.id = j.checkout_entry_id "
        "LEFT JOIN officers o ON o.id = c.officer_id LEFT JOIN officers p ON p.id = c.partner_id WHERE r.id = ?1");
    if (!q) return fail(q.error());
    std::optional<Id> device;
    std::optional<std::string> common_case;  // every file's case, while they agree
    bool one_case = true;
    for (Id id : ids->first) {
        q->reset();
        q->bind(1, id);
        auto row = q->step();
        if (!row) return fail(row.error());
        if (!*row) return fail(Error(MessageId::RecordingUnknown, {std::to_string(id)}));
        if (device && *device != q->i64(10)) return fail(Error(MessageId::ReportMixedDevices));
        device = q->i64(10);
        EvidenceFormFile file;
        file.recording_id = q->i64(0);
        file.name = base_name(q->text(1));
        file.kind = parse_named(kMediaKinds, q->text(2)).value_or(MediaKind::Other);
        const std::string container = q->text(3), codec = q->text(4);
        file.format = container + (container.empty() || codec.empty() ? "" : " / ") + codec;
        file.duration_ms = q->opt_i64(5);
        if (!q->is_null(7)) {
            file.start = Timestamp{q->i64(7)};
        } else if (!q->is_null(6)) {
            file.start = Timestamp{q->i64(6)};
            file.start_by_camera_clock = true;
        }
        file.bytes = q->i64(8);
        file.sha256 = q->text(9);
        f.device_serial = q->text(11);
        f.device_brand = q->text(12);
        f.device_model = q->text(13);
        f.unit = q->text(14);
        if (common_case && *common_case != q->text(15)) one_case = false;
        common_case = q->text(15);
        const std::string officer = person_text(q->text(16), q->text(17));
        add_once(f.officers, officer);
        add_once(f.officers, person_text(q->text(18), q->text(19)));
        add_once(f.recorders, officer);
        add_once(f.formats, file.format);
        f.files.push_back(std::move(file));
    }
    // Named one by one, the files still belong to one case when they all say so.
    if (f.case_number.empty() && one_case && common_case) f.case_number = *common_case;
    std::stable_sort(f.files.begin(), f.files.end(), [](const EvidenceFormFile& a, const EvidenceFormFile& b) {
        if (a.start != b.start) return a.start < b.start;  // an unknown start sorts first
        return a.recording_id < b.recording_id;
    });
    for (const auto& file : f.files) {
        f.total_ms += file.duration_ms.value_or(0);
        f.total_bytes += file.bytes;
        if (!file.start) continue;
        if (!f.start || *file.start < *f.start) f.start = file.start;
        const Timestamp end{file.start->ms + file.duration_ms.value_or(0)};
        if (!f.end || *f.end < end) f.end = end;
    }
    return f;
}

}  // namespace custody::reports
