#pragma once
// Re-reads every archived recording from disk and compares it with the database and the
// job's SHA256SUMS (R12, R16): the check a custodian runs to prove nothing was altered.

#include <cstdint>
#include <vector>

#include "kiosk/core/custody_store.h"
#include "kiosk/core/footage_archive.h"

namespace custody {

struct ArchiveCheckReport {
    std::int64_t files_checked = 0;
    std::int64_t bytes_checked = 0;
    std::int64_t manifests_checked = 0;
    // Each names the file: ArchiveFileMissing, ArchiveHashMismatch, ManifestMismatch,
    // ManifestMissingEntry, ManifestMalformed.
    std::vector<Error> problems;
};

// An error only when the check itself cannot run (the store fails); what it finds
// wrong with the archive is in the report.
Result<ArchiveCheckReport> check_archive(CustodyStore& store, FootageArchive& archive);

}  // namespace custody
