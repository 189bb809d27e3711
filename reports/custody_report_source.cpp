#include "kiosk/core/fault_report_record.h"
#include "reports/custody_report.h"
#include "reports/report_sources.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
Result<std::string> subject_of(ReportSnapshot& s, const LedgerScope& scope, Lang lang) {
    std::string subject;
    auto add = [&](const std::string& part) { subject += (subject.empty() ? "" : tr(lang, "，", ", ")) + part; };
    if (scope.officer_number) {
        auto name = lookup_text(s.db(), "SELECT name FROM officers WHERE number = ?", *scope.officer_number);
        if (!name) return fail(name.error());
        if (!*name) return fail(Error(MessageId::OfficerUnknown, {*scope.officer_number}));
        add(std::string(tr(lang, "民警 ", "Officer ")) + **name + "（" + *scope.officer_number + "）");
    }
    if (scope.device_serial) {
        auto model = lookup_text(s.db(), "SELECT brand || ' ' || model FROM devices WHERE serial = ?", *scope.device_serial);
        if (!model) return fail(model.error());
        if (!*model) return fail(Error(MessageId::DeviceUnknown, {*scope.device_serial}));
        add(std::string(tr(lang, "设备 ", "Device ")) + *scope.device_serial + "（" + **model + "）");
    }
    if (scope.unit_code) {
        auto name = lookup_text(s.db(), "SELECT name FROM units WHERE code = ?", *scope.unit_code);
        if (!name) return fail(name.error());
        if (!*name) return fail(Error(MessageId::ReportUnitUnknown, {*scope.unit_code}));
        add(std::string(tr(lang, "单位 ", "Unit ")) + **name);
    }
    if (subject.empty()) subject = tr(lang, "全部单位", "All units");
    return subject;
}
}  // namespace

Result<CustodyReport> load_custody_report(ReportSnapshot& s, const LedgerScope& scope, Lang lang, Timestamp now) {
    auto subject = subject_of(s, scope, lang);
    if (!subject) return fail(subject.error());
    auto ledger = load_usage_ledger(s, scope);
    if (!ledger) return fail(ledger.error());
    CustodyReport r;
    r.agency = ledger->agency;
    r.unit = ledger->unit;
    r.subject = *subject;
    r.from = ledger->from;
    r.to = ledger->to;
    r.now = now;
    r.offload_deadline_hours = s.profile().offload_deadline_hours;
    r.uses = std::move(ledger->lines);
    auto q = s.db().prepare(
        "SELECT f.reported_at_ms, d.serial, f.kind, f.reported_by, f.note, c.report_id IS NOT NULL, f.compensation_case "
        "FROM fault_reports f JOIN devices d ON d.id = f.device_id JOIN units u ON u.id = d.unit_id "
        "LEFT JOIN officers o ON o.id = f.reported_by_id LEFT JOIN fault_report_closures c ON c.report_id = f.id "
        "WHERE f.reported_at_ms >= ?1 AND f.reported_at_ms < ?2 AND (?3 IS NULL OR u.code = ?3) "
        "AND (?4 IS NULL OR o.number = ?4) AND (?5 IS NULL OR d.serial = ?5) ORDER BY f.reported_at_ms, f.id");
    if (!q) return fail(q.error());
    q->bind(1, r.from.ms).bind(2, r.to.ms).bind(3, scope.unit_code).bind(4, scope.officer_number)
        .bind(5, scope.device_serial);
    while (true) {
        auto row = q->step();
        if (!row) return fail(row.error());
        if (!*row) break;
        CustodyFault f;
        f.at = Timestamp{q->i64(0)};
        f.device_serial = q->text(1);
        auto kind = parse_named(kFaultKinds, q->text(2));
        const auto& names = named(kFaultKinds, kind.value_or(FaultKind::Other));
        f.kind_zh = std::string(names.zh);
        f.kind_en = std::string(names.en);
        f.reported_by = q->text(3);
        f.note = q->text(4);
        f.closed = q->i64(5) != 0;
        f.compensation_case = q->i64(6) != 0;
        r.faults.push_back(std::move(f));
    }
    return r;
}

}  // namespace custody::reports
