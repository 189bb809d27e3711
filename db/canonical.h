#pragma once
// The exact bytes whose digest the audit chain keeps for each append-only row, so that
// verify can tell when a row was edited behind the program's back.

#include <string>

#include "kiosk/core/custody_entry.h"
#include "kiosk/core/health_reading.h"
#include "kiosk/core/reconciliation_record.h"

namespace custody::db {

std::string canonical(const CustodyEntry& e);
std::string canonical(const HealthReading& h);
// The record and its lines, as saved.
std::string canonical(const Reconciliation& r);

}  // namespace custody::db
