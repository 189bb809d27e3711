#include "kiosk/terminal/reconciliation_text.h"

#include <algorithm>

namespace custody::terminal {

namespace {
template <class Table, class E>
std::string in(Lang lang, const Table& table, E v) {
    const auto& n = named(table, v);
    return std::string(lang == Lang::Zh ? n.zh : n.en);
}
}  // namespace

ReconciliationView reconciliation_view(const Reconciliation& r, Lang lang) {
    ReconciliationView v;
    v.expected = r.expected;
    v.in_slot = r.in_slot;
    v.out = r.out;
    v.in_repair = r.in_repair;
    v.quarantined = r.quarantined;
    v.pending_offload = r.pending_offload;
    v.lost = r.lost;
    v.discrepancies = r.discrepancies;
    if (r.id != 0) v.saved_id = r.id;
    for (const auto& line : r.lines) {
        ReconciliationLineView l;
        l.slot = line.slot;
        l.device_serial = line.device ? line.device->serial : std::string("?");
        l.state = in(lang, kInventoryStates, line.state);
        if (line.discrepancy != Discrepancy::None) l.discrepancy = in(lang, kDiscrepancies, line.discrepancy);
        v.lines.push_back(std::move(l));
    }
    std::stable_partition(v.lines.begin(), v.lines.end(),
                          [](const ReconciliationLineView& l) { return !l.discrepancy.empty(); });
    return v;
}

}  // namespace custody::terminal
