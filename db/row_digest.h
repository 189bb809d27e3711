#pragma once
// Tamper evidence for the finance tables (schema 5) without a canonical form per record
// type: the audit entry that wrote a row keeps the digest of the row's fixed columns as
// the database holds them, and verify recomputes it from the same query. Columns a row
// fills in later (a repair order's dates, a card's location) are left out; each change to
// them is its own audit entry.

#include <span>
#include <string>

#include "db/audit_chain.h"
#include "db/sqlite.h"

namespace custody::db {

struct DigestedTable {
    const char* table;
    // Selected for the row as `SELECT <columns> FROM <table> WHERE rowid=?`.
    const char* columns;
    // Rows that belong to the record and are written with it (a closed month's lines):
    // `SELECT <child columns> ... WHERE <key>=(the record's key)`, in a stable order.
    const char* children = nullptr;
};

// Every table whose rows verify checks this way.
std::span<const DigestedTable> digested_tables();
const DigestedTable* digested_table(const std::string& table);

// The bytes whose digest the audit entry keeps: the row (and its children) as it is now.
Result<std::string> row_bytes(Connection& c, const DigestedTable& t, std::int64_t rowid);
Result<Digest> row_digest(Connection& c, const DigestedTable& t, std::int64_t rowid);

}  // namespace custody::db
