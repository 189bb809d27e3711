#include "kiosk/terminal/slot_tile.h"

#include <set>

#include "kiosk/core/pre_use_check.h"
#include "kiosk/core/slot_condition.h"

namespace custody::terminal {

namespace {

bool offload_active(const std::optional<OffloadProgress>& p) {
    return p && p->phase != OffloadPhase::Done && p->phase != OffloadPhase::Failed;
}

SlotState state_of(SlotTile& t, const AgencyProfile& profile, Timestamp now) {
    const bool present = t.cabinet ? t.cabinet->camera_present : t.docked.has_value();
    if (!present) return SlotState::Empty;
    if (!t.docked) return SlotState::Unknown;
    const Device& d = t.docked->device;
    const int battery = t.docked->health ? t.docked->health->battery_pct : 0;
    if (t.cabinet) {
        for (auto& e : slot_faults(*t.cabinet, battery, profile)) t.problems.push_back(std::move(e));
    }
    if (d.status == DeviceStatus::Quarantined || d.status == DeviceStatus::InRepair) {
        if (t.docked->health && !t.docked->health->fault.empty())
            t.problems.emplace_back(MessageId::CheckFault, std::vector<std::string>{t.docked->health->fault});
        return SlotState::Faulty;
    }
    if (!t.problems.empty()) return SlotState::Faulty;
    if (d.status == DeviceStatus::Docked || offload_active(t.offload)) return SlotState::Offloading;
    if (d.status != DeviceStatus::InService) return SlotState::Unknown;
    t.problems = pre_use_problems(*t.docked, profile, now);
    return t.problems.empty() ? SlotState::Ready : SlotState::Charging;
}

}  // namespace

std::vector<SlotTile> slot_tiles(const std::vector<SlotStatus>& cabinet, const std::vector<DockedDevice>& docked,
                                 const std::map<int, OffloadProgress>& offloads, const AgencyProfile& profile,
                                 Timestamp now) {
    std::set<int> numbers;
    for (const auto& s : cabinet) numbers.insert(s.slot);
    if (cabinet.empty())
        for (const auto& d : docked) numbers.insert(d.slot);
    std::vector<SlotTile> tiles;
    for (int n : numbers) {
        SlotTile t;
        t.slot = n;
        for (const auto& s : cabinet)
            if (s.slot == n) t.cabinet = s;
        for (const auto& d : docked)
            if (d.slot == n) t.docked = d;
        if (auto it = offloads.find(n); it != offloads.end()) t.offload = it->second;
        t.state = state_of(t, profile, now);
        tiles.push_back(std::move(t));
    }
    return tiles;
}

CabinetSummary summarize(const std::vector<SlotTile>& tiles, bool cabinet_online) {
    CabinetSummary s;
    s.online = cabinet_online;
    for (const auto& t : tiles) {
        switch (t.state) {
            case SlotState::Empty: ++s.empty; break;
            case SlotState::Ready: ++s.ready; break;
            case SlotState::Charging: ++s.charging; break;
            case SlotState::Offloading: ++s.offloading; break;
            case SlotState::Faulty: ++s.faulty; break;
            case SlotState::Unknown: ++s.unknown; break;
        }
    }
    return s;
}

}  // namespace custody::terminal
