// The notice's facts: the case and its events through the finance rows, the people and
// the device by id, and the asset's value at the case's value date.
#include "db/finance_rows.h"
#include "kiosk/core/asset_value.h"
#include "reports/compensation_notice.h"
#include "reports/depreciation_schedule.h"
#include "reports/report_snapshot.h"
#include "reports/report_text.h"

namespace custody::reports {

namespace {
struct Person {
    std::string text, unit;
    Role role = Role::Officer;
};

Result<Person> person(db::Connection& c, Id id) {
    auto q = c.prepare(
        "SELECT o.name, o.number, u.name, o.role FROM officers o JOIN units u ON u.id = o.unit_id WHERE o.id = ?1");
    if (!q) return fail(q.error());
    q->bind(1, id);
    auto r = q->step();
    if (!r) return fail(r.error());
    if (!*r) return Person{std::to_string(id), "", Role::Officer};
    return Person{person_text(q->text(0), q->text(1)), q->text(2), parse_named(kRoles, q->text(3)).value_or(Role::Officer)};
}

Result<std::optional<Id>> newest_case(db::Connection& c) {
    auto q = c.prepare("SELECT id FROM compensation_cases ORDER BY opened_at_ms DESC, id DESC LIMIT 1");
    if (!q) return fail(q.error());
    auto r = q->step();
    if (!r) return fail(r.error());
    if (!*r) return std::optional<Id>();
    return std::optional<Id>(q->i64(0));
}

// What the amount was computed from. A closed month's stored line is the very figure the
// case used; an unclosed one is computed the same way. Where the case keeps the net book
// value itself (negligence), that stored figure wins, so the lines add up to its amount.
Result<DepreciationLine> value_of(ReportSnapshot& s, FinanceReads& finance, const CompensationCase& c,
                                  const AssetCard& card) {
    auto v = value_at_end_of(finance, card, depreciation_profile_of(s.profile()), month_of(c.value_date));
    if (!v) return fail(v.error());
    DepreciationLine line = v->line;
    if (c.liability.basis == LiabilityBasis::NetBookValue) {
        line.net_book_value = c.liability.basis_amount;
        line.accumulated = line.original_value - line.net_book_value;
    }
    line.value_date = c.value_date;
    line.method = c.depreciation_method;
    line.policy = c.depreciation_policy;
    return line;
}
}  // namespace

Result<CompensationNotice> load_compensation_notice(ReportSnapshot& s, std::optional<Id> id) {
    // Read-only: the rows' audit hook is never called for reads.
    db::FinanceRows finance(s.db(), {});
    if (!id) {
        auto newest = newest_case(s.db());
        if (!newest) return fail(newest.error());
        if (!*newest) return fail(Error(MessageId::ReportNoCompensationCase));
        id = *newest;
    }
    auto c = finance.compensation_case(*id);
    if (!c) return fail(c.error());
    if (!*c) return fail(Error(MessageId::CompensationCaseUnknown, {std::to_string(*id)}));
    CompensationNotice n;
    n.agency = s.profile().agency_name;
    n.c = **c;
    auto opener = actor_text(s.db(), n.c.opened_by);
    if (!opener) return fail(opener.error());
    n.opened_by = *opener;
    auto card = finance.asset_card(n.c.asset_id);
    if (!card) return fail(card.error());
    if (!*card) return fail(Error(MessageId::AssetCardUnknown, {std::to_string(n.c.asset_id)}));
    n.asset_number = (*card)->asset_number;
    n.device_serial = (*card)->device_serial;
    auto model = lookup_text(s.db(), "SELECT brand || ' ' || model FROM devices WHERE serial = ?1", n.device_serial);
    if (!model) return fail(model.error());
    n.device_model = model->value_or("");
    auto liable = person(s.db(), n.c.liable_officer_id);
    if (!liable) return fail(liable.error());
    n.officer = liable->text;
    n.officer_unit = liable->unit;
    if (n.c.holding_entry_id) {
        auto q = s.db().prepare("SELECT at_ms, slot FROM custody_entries WHERE id = ?1");
        if (!q) return fail(q.error());
        q->bind(1, *n.c.holding_entry_id);
        auto r = q->step();
        if (!r) return fail(r.error());
        if (*r) {
            n.checkout_at = Timestamp{q->i64(0)};
            if (!q->is_null(1)) n.checkout_slot = q->i32(1);
        }
    }
    auto value = value_of(s, finance, n.c, **card);
    if (!value) return fail(value.error());
    n.value = *value;
    auto events = finance.compensation_events(n.c.id);
    if (!events) return fail(events.error());
    n.progress = progress_of(n.c, *events);
    for (const auto& e : *events) {
        auto by = person(s.db(), e.by_id);
        if (!by) return fail(by.error());
        n.steps.push_back({e, by->text, by->role});
    }
    auto violations = finance.violations_of_case(n.c.id);
    if (!violations) return fail(violations.error());
    n.violations = *violations;
    return n;
}

}  // namespace custody::reports
