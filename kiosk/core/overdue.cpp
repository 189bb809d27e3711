#include "kiosk/core/overdue.h"

#include <algorithm>

namespace custody {

Result<std::vector<OverdueDevice>> find_overdue(CustodyStore& store, Timestamp now) {
    auto tx = store.begin();
    if (!tx) return fail(tx.error());
    auto profile = (*tx)->profile();
    if (!profile) return fail(profile.error());
    auto open = (*tx)->open_checkouts();
    if (!open) return fail(open.error());
    std::vector<OverdueDevice> out;
    for (const auto& oc : *open) {
        std::int64_t out_ms = now.ms - oc.entry.at.ms;
        if (out_ms <= profile->offload_deadline_hours * kMsPerHour) continue;
        OverdueDevice od{oc.device, oc.entry, std::nullopt, out_ms / kMsPerHour};
        if (oc.entry.officer_id) {
            auto o = (*tx)->officer(*oc.entry.officer_id);
            if (!o) return fail(o.error());
            od.officer = *o;
        }
        out.push_back(std::move(od));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.checkout.at < b.checkout.at; });
    return out;
}

}  // namespace custody
