#pragma once
// R3: asset cards (固定资产卡片) from a finance office's spreadsheet, CSV or XLSX, in the
// layout the export writes. All or nothing: the first bad row rejects the whole file with
// its line and reason (audited); otherwise every card is written and audited at once.

#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/csv.h"
#include "kiosk/core/custody_store.h"
#include "kiosk/core/import_table.h"

namespace custody {

// The columns an import reads, in the order the export writes them first.
const std::vector<ImportColumn>& asset_card_columns();

struct AssetImportReport {
    int cards = 0;
};

class AssetCardImport {
public:
    AssetCardImport(CustodyStore& store, const Clock& clock, std::string actor)
        : store_(store), clock_(clock), actor_(std::move(actor)) {}
    // `rows` start with the header. A spreadsheet leaves trailing empty cells out, so a
    // short row is read as if padded; a row longer than the header is refused.
    Result<AssetImportReport> run(const std::vector<CsvRow>& rows, const std::string& source_name);

private:
    CustodyStore& store_;
    const Clock& clock_;
    std::string actor_;
};

// "2024-02-29", "2024/2/29", "2024.2.29": a real day, or none.
std::optional<CivilDate> parse_sheet_date(const std::string& text);

}  // namespace custody
