#include "kiosk/core/agency_time.h"
#include "reports/report_sources.h"
#include "reports/report_text.h"

namespace custody::reports {

Result<std::pair<Timestamp, Timestamp>> default_month(ReportSnapshot& s, Timestamp now) {
    auto q = s.db().prepare("SELECT max(at_ms) FROM custody_entries");
    if (!q) return fail(q.error());
    auto r = q->step();
    if (!r) return fail(r.error());
    Timestamp t = (*r && !q->is_null(0)) ? Timestamp{q->i64(0)} : now;
    const std::string day = format_local_date(t);  // YYYY-MM-DD
    auto from = parse_local(day.substr(0, 8) + "01");
    int year = std::stoi(day.substr(0, 4)), month = std::stoi(day.substr(5, 2));
    if (++month == 13) {
        month = 1;
        ++year;
    }
    char next[32];
    std::snprintf(next, sizeof next, "%04d-%02d-01", year % 10000, month);
    auto to = parse_local(next);
    if (!from || !to) throw std::logic_error("a month's first day must parse: " + day);
    return std::make_pair(*from, *to);
}

Result<LedgerScope> with_period(ReportSnapshot& s, LedgerScope scope, Timestamp now) {
    if (!scope.from && !scope.to) {
        auto month = default_month(s, now);
        if (!month) return fail(month.error());
        scope.from = month->first;
        scope.to = month->second;
        return scope;
    }
    if (!scope.to) scope.to = Timestamp{now.ms + 1};
    if (!scope.from) {
        auto q = s.db().prepare("SELECT min(at_ms) FROM custody_entries");
        if (!q) return fail(q.error());
        auto r = q->step();
        if (!r) return fail(r.error());
        Timestamp first = (*r && !q->is_null(0)) ? Timestamp{q->i64(0)} : *scope.to;
        auto day = parse_local(format_local_date(first));
        scope.from = day ? *day : first;
    }
    return scope;
}

Result<UsageLedger> load_usage_ledger(ReportSnapshot& s, const LedgerScope& scope) {
    UsageLedger l;
    l.agency = s.profile().agency_name;
    l.unit = l.agency;
    if (scope.unit_code) {
        auto name = lookup_text(s.db(), "SELECT name FROM units WHERE code = ?", *scope.unit_code);
        if (!name) return fail(name.error());
        if (!*name) return fail(Error(MessageId::ReportUnitUnknown, {*scope.unit_code}));
        l.unit = **name;
    }
    l.from = scope.from.value_or(Timestamp{0});
    l.to = scope.to.value_or(Timestamp{INT64_MAX});
    auto q = s.db().prepare(
        "SELECT c.kind, d.serial, d.brand || ' ' || d.model, coalesce(o.name, ''), coalesce(o.number, ''), "
        "coalesce(p.name, ''), coalesce(p.number, ''), c.at_ms, c.slot, r.kind, r.at_ms, r.slot, "
        "coalesce(a.files, 0), coalesce(a.ms, 0), coalesce(a.bytes, 0), coalesce(a.done, 0), coalesce(a.verified, 0), "
        "coalesce(a.failure_zh, ''), coalesce(a.failure_en, '') "
        "FROM custody_entries c JOIN devices d ON d.id = c.device_id JOIN units u ON u.id = d.unit_id "
        "LEFT JOIN officers o ON o.id = c.officer_id LEFT JOIN officers p ON p.id = c.partner_id "
        "LEFT JOIN custody_entries r ON r.closes_id = c.id "
        "LEFT JOIN (SELECT j.return_entry_id AS entry, count(x.id) AS files, sum(coalesce(x.duration_ms, 0)) AS ms, "
        "           sum(coalesce(x.bytes, 0)) AS bytes, max(j.state = 'complete') AS done, "
        "           sum(x.state IN ('verified', 'committed', 'wiped')) AS verified, "
        "           max(CASE WHEN j.state = 'failed' THEN j.failure_zh END) AS failure_zh, "
        "           max(CASE WHEN j.state = 'failed' THEN j.failure_en END) AS failure_en "
        "           FROM offload_jobs j LEFT JOIN recordings x ON x.job_id = j.id "
        "           WHERE j.return_entry_id IS NOT NULL GROUP BY j.return_entry_id) a "
        "  ON a.entry = CASE c.kind WHEN 'checkout' THEN r.id ELSE c.id END "
        "WHERE c.kind IN ('checkout', 'unexpected_return') AND c.at_ms >= ?1 AND c.at_ms < ?2 "
        "AND (?3 IS NULL OR u.code = ?3) AND (?4 IS NULL OR o.number = ?4 OR p.number = ?4) "
        "AND (?5 IS NULL OR d.serial = ?5) ORDER BY c.at_ms, c.id");
    if (!q) return fail(q.error());
    q->bind(1, l.from.ms).bind(2, l.to.ms).bind(3, scope.unit_code).bind(4, scope.officer_number)
        .bind(5, scope.device_serial);
    while (true) {
        auto r = q->step();
        if (!r) return fail(r.error());
        if (!*r) break;
        UsageLedgerLine line;
        const bool unexpected = q->text(0) == "unexpected_return";
        line.device_serial = q->text(1);
        line.device_model = q->text(2);
        line.officer = person_text(q->text(3), q->text(4));
        line.partner = person_text(q->text(5), q->text(6));
        if (unexpected) {
            line.returned_at = Timestamp{q->i64(7)};
            if (!q->is_null(8)) line.returned_slot = q->i32(8);
        } else {
            line.issued_at = Timestamp{q->i64(7)};
            if (!q->is_null(8)) line.issued_slot = q->i32(8);
            if (!q->is_null(9)) {
                line.voided = q->text(9) == "voided";
                line.returned_at = Timestamp{q->i64(10)};
                if (!q->is_null(11)) line.returned_slot = q->i32(11);
            }
        }
        line.recordings = q->i32(12);
        line.recorded_ms = q->i64(13);
        line.bytes = q->i64(14);
        line.offloaded = q->i64(15) != 0;
        line.verified = q->i32(16);
        if (!line.offloaded) {
            line.offload_failure_zh = q->text(17);
            line.offload_failure_en = q->text(18);
        }
        l.lines.push_back(std::move(line));
    }
    return l;
}

}  // namespace custody::reports
