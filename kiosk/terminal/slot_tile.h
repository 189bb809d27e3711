#pragma once
// What one cabinet slot shows on the screen, and the cabinet summed up for the idle
// screen: the cabinet's live reading, the ledger's device in that slot, its latest health
// reading and the offload running there, put together into one word for people (R7-R9,
// R14).

#include <map>
#include <optional>
#include <vector>

#include "kiosk/core/agency_profile.h"
#include "kiosk/core/cabinet_controller.h"
#include "kiosk/core/dock_slot.h"
#include "kiosk/core/offload_progress.h"

namespace custody::terminal {

enum class SlotState {
    Empty,       // no camera in the slot
    Ready,       // passes the pre-use check now (R7)
    Charging,    // in service, not ready yet: battery or check pending (R8)
    Offloading,  // returned, footage being offloaded or waiting for it (R14, R15)
    Faulty,      // quarantined, or the slot itself reports a fault (R9)
    Unknown,     // a camera the ledger does not place in this slot
};

struct SlotTile {
    int slot = 0;
    SlotState state = SlotState::Empty;
    std::optional<SlotStatus> cabinet;  // none while the cabinet is offline
    std::optional<DockedDevice> docked;  // the ledger's device in this slot
    std::optional<OffloadProgress> offload;
    std::vector<Error> problems;  // why it is not ready, or what is wrong
};

struct CabinetSummary {
    bool online = false;
    int ready = 0;
    int charging = 0;
    int offloading = 0;
    int faulty = 0;
    int empty = 0;
    int unknown = 0;
};

// One tile per slot the cabinet reports, or per slot the ledger knows while it is offline.
std::vector<SlotTile> slot_tiles(const std::vector<SlotStatus>& cabinet, const std::vector<DockedDevice>& docked,
                                 const std::map<int, OffloadProgress>& offloads, const AgencyProfile& profile,
                                 Timestamp now);

CabinetSummary summarize(const std::vector<SlotTile>& tiles, bool cabinet_online);

}  // namespace custody::terminal
