#pragma once
// Inventory reconciliation (盘点): for each device the ledger expects, what the cabinet's
// slot readings show, and every place where the two disagree (R3, R4, R9). A saved
// reconciliation is an append-only record.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/device.h"
#include "kiosk/core/ids.h"
#include "kiosk/core/named_code.h"

namespace custody {

// Where the ledger says a device is.
enum class InventoryState { InSlot, Out, InRepair, Quarantined, PendingOffload, Lost };

inline constexpr NamedCode<InventoryState> kInventoryStates[] = {
    {InventoryState::InSlot, "in_slot", "在柜", "in slot"},
    {InventoryState::Out, "out", "已领出", "out"},
    {InventoryState::InRepair, "in_repair", "维修中", "in repair"},
    {InventoryState::Quarantined, "quarantined", "故障隔离", "quarantined"},
    {InventoryState::PendingOffload, "pending_offload", "待导出", "pending offload"},
    {InventoryState::Lost, "lost", "丢失", "lost"},
};

// MissingFromSlot: the ledger puts the device in slot N, the slot reads empty.
// UnexpectedInSlot: a slot reads occupied and the ledger has no device there.
// OutButDocked: the ledger has the device out, in repair or lost, and a slot the ledger
//   cannot explain holds a camera (the line names the slot; the camera may be it).
// SlotNotRead: the ledger puts the device in a slot the cabinet did not report.
enum class Discrepancy { None, MissingFromSlot, UnexpectedInSlot, OutButDocked, SlotNotRead };

inline constexpr NamedCode<Discrepancy> kDiscrepancies[] = {
    {Discrepancy::None, "none", "相符", "matches"},
    {Discrepancy::MissingFromSlot, "missing_from_slot", "台账在柜，柜位为空", "ledger: in slot, slot empty"},
    {Discrepancy::UnexpectedInSlot, "unexpected_in_slot", "柜位有设备，台账无记录", "slot occupied, ledger expects none"},
    {Discrepancy::OutButDocked, "out_but_docked", "台账不在柜，柜内有无法对应的设备",
     "ledger: not in the cabinet, an unexplained camera is docked"},
    {Discrepancy::SlotNotRead, "slot_not_read", "柜位未读到", "slot not read"},
};

struct ReconciliationLine {
    std::optional<Device> device;  // none for a camera the ledger cannot name
    int slot = 0;                  // the slot concerned; 0 when none
    InventoryState state = InventoryState::InSlot;
    Discrepancy discrepancy = Discrepancy::None;
};

struct Reconciliation {
    Id id = 0;  // 0 until saved
    Timestamp at;
    std::string by;
    // False when the slots were compared against the ledger's own slots, not read from a
    // cabinet (custodyctl without a cabinet link): presence is then assumed, not seen.
    bool cabinet_read = true;
    std::vector<ReconciliationLine> lines;
    int expected = 0;  // devices the ledger expects (all not disposed)
    int in_slot = 0;
    int out = 0;
    int in_repair = 0;
    int quarantined = 0;
    int pending_offload = 0;
    int lost = 0;
    int discrepancies = 0;
};

}  // namespace custody
