#pragma once
// The benchmark's agency: one unit, one 24-slot cabinet full of cameras, a few hundred
// officers with badges. Registered through the real RegistryImport, then given history
// through the real StoreTx API in large transactions, and driven through the real
// services for the measured round trips.

#include <cstdint>
#include <string>
#include <vector>

#include "db/sqlite_store.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/device.h"
#include "kiosk/core/officer.h"

namespace custody::bench {

struct FleetShape {
    int slots = 24;       // one cabinet, every slot holds a camera
    int officers = 200;   // officers of the unit, each with a badge
    int cycles_per_tx = 1000;  // generated checkout/return/health/offload cycles per transaction
};

// Simulated time between two consecutive operations (generation and measurement alike),
// so that every camera's latest health reading is recent when it is next issued.
constexpr std::int64_t kStepMs = 60 * 1000;

struct FleetOfficer {
    Officer officer;
    std::string badge_uid;
};

class Fleet {
public:
    Fleet(db::SqliteStore& store, ManualClock& clock, FleetShape shape)
        : store_(store), clock_(clock), shape_(shape) {}

    // Units, officers, devices (one per slot) and badges through RegistryImport, then a
    // first health reading of every camera through HealthCheck.
    Status register_all();

    // Appends checkout, return, health reading and offload completion cycles, exactly the
    // rows and audit entries the services write, until the ledger holds at least
    // `target` custody entries. `ledger_entries` is the current count and is updated.
    Status grow_ledger(std::int64_t target, std::int64_t& ledger_entries);

    const FleetOfficer& next_officer() { return officers_[next_officer_++ % officers_.size()]; }
    const FleetShape& shape() const { return shape_; }

private:
    Status reload_devices();

    db::SqliteStore& store_;
    ManualClock& clock_;
    FleetShape shape_;
    std::vector<FleetOfficer> officers_;
    std::vector<Device> devices_;  // in least-recently-issued order, as Checkout picks them
    std::size_t next_officer_ = 0;
    std::size_t next_device_ = 0;
};

// Row counts read straight from the database.
struct LedgerCounts {
    std::int64_t custody = 0;
    std::int64_t health = 0;
    std::int64_t audit = 0;
};
Result<LedgerCounts> count_rows(db::Connection& c);

}  // namespace custody::bench
