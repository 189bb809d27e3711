#pragma once
#include <vector>

#include "db/migrations.h"

namespace custody::db {
// Defined in the source generated from db/migrations/ at build time.
std::vector<Migration> embedded_migrations();
}  // namespace custody::db
