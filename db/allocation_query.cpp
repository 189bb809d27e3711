#include "db/allocation_query.h"

#include "db/rows.h"

namespace custody::db {

Result<std::vector<UnitHeadcount>> unit_headcounts(Connection& c) {
    auto q = c.prepare(
        "SELECT u.id, u.code, u.name, u.allocation_class, "
        "  (SELECT count(*) FROM officers o WHERE o.unit_id = u.id AND o.active = 1 "
        "     AND o.role NOT IN ('finance', 'admin')), "
        "  (SELECT count(*) FROM devices d WHERE d.unit_id = u.id AND d.status NOT IN ('lost', 'disposed') "
        "     AND d.kind <> 'collector') "
        "FROM units u ORDER BY u.code");
    if (!q) return fail(q.error());
    std::vector<UnitHeadcount> out;
    while (true) {
        auto r = q->step();
        if (!r) return fail(r.error());
        if (!*r) break;
        UnitHeadcount h;
        h.unit.id = q->i64(0);
        h.unit.code = q->text(1);
        h.unit.name = q->text(2);
        h.unit.allocation = code_to(kAllocationClasses, q->text(3));
        h.officers = q->i32(4);
        h.devices = q->i32(5);
        out.push_back(std::move(h));
    }
    return out;
}

}  // namespace custody::db
