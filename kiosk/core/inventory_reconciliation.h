#pragma once
// Inventory reconciliation (盘点, R3, R4): the ledger's devices against what the cabinet's
// slots show. A camera-present sensor says that a slot holds a camera, not which one, so
// a camera in a slot the ledger cannot explain is matched to a device only when exactly
// one device is away from the cabinet.

#include <string>
#include <vector>

#include "kiosk/core/cabinet_controller.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"
#include "kiosk/core/reconciliation_record.h"

namespace custody {

// Read: the slot readings came from the cabinet. Ledger: there was no cabinet to read,
// and the readings were made up from the ledger's own slots (presence assumed).
enum class CabinetSource { Read, Ledger };

// The pure rule: every device not disposed gets a line, then every occupied slot the
// ledger cannot explain.
Reconciliation reconcile(const std::vector<Device>& devices, const std::vector<SlotStatus>& cabinet);

class InventoryReconciliation {
public:
    InventoryReconciliation(CustodyStore& store, const Clock& clock) : store_(store), clock_(clock) {}
    // Nothing written.
    Result<Reconciliation> preview(const std::vector<SlotStatus>& cabinet, CabinetSource source = CabinetSource::Read);
    // Saved as a reconciliation record (append-only, audited, digest in the audit chain).
    Result<Reconciliation> save(const std::vector<SlotStatus>& cabinet, const std::string& actor,
                                CabinetSource source = CabinetSource::Read);
    // Newest first.
    Result<std::vector<Reconciliation>> recent(int limit);
    // What the ledger says the slots hold, as readings: for a reconciliation without a cabinet.
    Result<std::vector<SlotStatus>> ledger_readings();

private:
    Result<Reconciliation> compute(StoreTx& tx, const std::vector<SlotStatus>& cabinet, CabinetSource source);
    CustodyStore& store_;
    const Clock& clock_;
};

}  // namespace custody
