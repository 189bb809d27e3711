#pragma once
// The storage port. A service opens one transaction, reads what the rule needs, writes,
// and commits; dropping the transaction without commit() rolls everything back. The
// transaction is exclusive for writers, so two kiosks or a kiosk and custodyctl cannot
// issue the same device twice.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/agency_profile.h"
#include "kiosk/core/audit_note.h"
#include "kiosk/core/badge.h"
#include "kiosk/core/custodian_store.h"
#include "kiosk/core/custody_entry.h"
#include "kiosk/core/device.h"
#include "kiosk/core/finance_store.h"
#include "kiosk/core/dock_slot.h"
#include "kiosk/core/footage_store.h"
#include "kiosk/core/health_reading.h"
#include "kiosk/core/officer.h"
#include "kiosk/core/result.h"
#include "kiosk/core/unit.h"

namespace custody {

struct OpenCheckout {
    Device device;
    CustodyEntry entry;
};

class CustodyReads {
public:
    virtual ~CustodyReads() = default;
    virtual Result<AgencyProfile> profile() = 0;
    virtual Result<std::optional<Badge>> badge(const std::string& uid) = 0;
    virtual Result<std::optional<Officer>> officer(Id id) = 0;
    virtual Result<std::optional<Officer>> officer_by_number(const std::string& number) = 0;
    virtual Result<std::optional<Unit>> unit(Id id) = 0;
    virtual Result<std::optional<Unit>> unit_by_code(const std::string& code) = 0;
    virtual Result<std::optional<Device>> device_by_serial(const std::string& serial) = 0;
    virtual Result<std::optional<Device>> device_in_slot(int slot) = 0;
    virtual Result<bool> slot_exists(int slot) = 0;
    virtual Result<std::optional<CustodyEntry>> custody_entry(Id id) = 0;
    virtual Result<std::vector<OpenCheckout>> open_checkouts() = 0;
    virtual Result<std::vector<OpenCheckout>> open_checkouts_of(Id officer_id) = 0;
    virtual Result<std::vector<DockedDevice>> docked_devices() = 0;
};

class CustodyWrites {
public:
    virtual ~CustodyWrites() = default;
    // Each write appends its own audit entry in the same transaction. A ledger entry
    // also moves the device to `device_after` (status, slot, open checkout): one entry,
    // one audit line, one atomic step.
    virtual Result<Id> append_custody(const CustodyEntry& e, Device device_after, const AuditNote& note) = 0;
    virtual Result<Id> append_health(const HealthReading& h, const AuditNote& note) = 0;
    virtual Status update_device_state(const Device& d, const AuditNote& note) = 0;
    virtual Status audit(const AuditNote& note) = 0;
};

class RegistryWrites {
public:
    virtual ~RegistryWrites() = default;
    virtual Result<Id> add_unit(const Unit& u, const AuditNote& note) = 0;
    virtual Result<Id> add_officer(const Officer& o, const AuditNote& note) = 0;
    virtual Result<Id> add_device(const Device& d, const AuditNote& note) = 0;
    virtual Status add_badge(const Badge& b, const AuditNote& note) = 0;
    virtual Status revoke_badge(const std::string& uid, Timestamp at, const std::string& reason,
                                const AuditNote& note) = 0;
    virtual Status set_officer_active(Id officer_id, bool active, const AuditNote& note) = 0;
    virtual Status add_slot(int number, const AuditNote& note) = 0;
    virtual Status save_profile(const AgencyProfile& p, const AuditNote& note) = 0;
};

class StoreTx : public CustodyReads, public CustodyWrites, public RegistryWrites, public FootageReads,
                public FootageWrites, public CustodianReads, public CustodianWrites {
public:
    virtual FinanceRecords& finance() = 0;
    virtual Status commit() = 0;
};

class CustodyStore {
public:
    virtual ~CustodyStore() = default;
    virtual Result<std::unique_ptr<StoreTx>> begin() = 0;
};

}  // namespace custody
