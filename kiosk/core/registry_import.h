#pragma once
// Bulk registration from CSV (units, officers, devices, badges). All or nothing: the
// first bad row rejects the whole file with its line and reason, and the rejection is
// audited; otherwise every record is written and audited in one transaction.

#include <string>
#include <string_view>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

namespace custody {

enum class RegistryKind { Units, Officers, Devices, Badges };

struct ImportReport {
    int records = 0;
};

class RegistryImport {
public:
    RegistryImport(CustodyStore& store, const Clock& clock, std::string actor)
        : store_(store), clock_(clock), actor_(std::move(actor)) {}
    Result<ImportReport> run(RegistryKind kind, std::string_view csv_text, const std::string& source_name);

private:
    CustodyStore& store_;
    const Clock& clock_;
    std::string actor_;
};

// The columns each kind expects, in the order an export writes them.
std::vector<std::string> registry_columns(RegistryKind kind);

}  // namespace custody
