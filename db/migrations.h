#pragma once
// Numbered migrations (db/migrations/NNNN_*.sql, compiled into the binary) applied at
// start-up, each inside its own transaction, recorded in schema_version. A database
// from a newer program is refused rather than guessed at.

#include <string>
#include <vector>

#include "db/sqlite.h"

namespace custody::db {

struct Migration {
    int version;
    std::string name;
    std::string sql;
};

const std::vector<Migration>& known_migrations();
int latest_schema_version();
Result<int> schema_version(Connection& c);
// Brings the schema to the latest version; returns the version it started from.
Result<int> migrate(Connection& c);
// Stops at `target` (an earlier version): how upgrade tests build a database as an
// earlier release left it.
Result<int> migrate_to(Connection& c, int target);

}  // namespace custody::db
