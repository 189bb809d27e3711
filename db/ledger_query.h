#pragma once
// The usage ledger (R5) as people read it: who had which device, when, from which slot,
// with whom. Streams rows so a million-entry ledger never sits in memory.

#include <functional>
#include <optional>
#include <string>

#include "db/sqlite.h"
#include "kiosk/core/custody_entry.h"

namespace custody::db {

struct LedgerFilter {
    std::optional<std::string> officer_number;
    std::optional<std::string> device_serial;
    std::optional<Timestamp> from;  // inclusive
    std::optional<Timestamp> to;    // exclusive
};

struct LedgerLine {
    CustodyEntry entry;
    std::string device_serial;
    std::string device_brand;
    std::string device_model;
    std::string officer_number;  // empty for an unexpected return
    std::string officer_name;
    std::string partner_number;
    std::string partner_name;
    std::string unit_name;
};

Status for_each_ledger_line(Connection& c, const LedgerFilter& f,
                            const std::function<Status(const LedgerLine&)>& visit);

}  // namespace custody::db
