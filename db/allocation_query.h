#pragma once
// R2: each unit's officers and devices, counted for the allocation standard.

#include <vector>

#include "db/sqlite.h"
#include "kiosk/core/allocation.h"

namespace custody::db {

// Officers: active people of the unit, finance and administrators excepted (they do not go
// out on enforcement work). Devices: recording devices of the unit still on its books, in
// repair included; lost and disposed ones and storage/collection equipment are not counted.
Result<std::vector<UnitHeadcount>> unit_headcounts(Connection& c);

}  // namespace custody::db
