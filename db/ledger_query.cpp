#include "db/ledger_query.h"

#include "db/rows.h"

namespace custody::db {

Status for_each_ledger_line(Connection& c, const LedgerFilter& f,
                            const std::function<Status(const LedgerLine&)>& visit) {
    auto q = c.prepare(
        "SELECT" CUSTODY_ENTRY_COLUMNS
        ", d.serial, d.brand, d.model, coalesce(o.number, ''), coalesce(o.name, ''), coalesce(p.number, ''), "
        "coalesce(p.name, ''), u.name "
        "FROM custody_entries c JOIN devices d ON d.id = c.device_id JOIN units u ON u.id = d.unit_id "
        "LEFT JOIN officers o ON o.id = c.officer_id LEFT JOIN officers p ON p.id = c.partner_id "
        "WHERE (?1 IS NULL OR o.number = ?1 OR p.number = ?1) AND (?2 IS NULL OR d.serial = ?2) "
        "AND (?3 IS NULL OR c.at_ms >= ?3) AND (?4 IS NULL OR c.at_ms < ?4) ORDER BY c.at_ms, c.id");
    if (!q) return fail(q.error());
    std::optional<std::int64_t> from, to;
    if (f.from) from = f.from->ms;
    if (f.to) to = f.to->ms;
    q->bind(1, f.officer_number).bind(2, f.device_serial).bind(3, from).bind(4, to);
    while (true) {
        auto r = q->step();
        if (!r) return fail(r.error());
        if (!*r) break;
        LedgerLine l;
        l.entry = entry_from_row(*q);
        const int k = kEntryColumnCount;
        l.device_serial = q->text(k);
        l.device_brand = q->text(k + 1);
        l.device_model = q->text(k + 2);
        l.officer_number = q->text(k + 3);
        l.officer_name = q->text(k + 4);
        l.partner_number = q->text(k + 5);
        l.partner_name = q->text(k + 6);
        l.unit_name = q->text(k + 7);
        CUSTODY_TRY(visit(l));
    }
    return {};
}

}  // namespace custody::db
