#pragma once
// The shared shape of a bulk import: a header naming columns by code or by their Chinese
// title, rows looked up by column, values unique within the file, coded values parsed
// with the list of what is allowed in the refusal.

#include <map>
#include <string>
#include <vector>

#include "kiosk/core/csv.h"
#include "kiosk/core/error.h"
#include "kiosk/core/named_code.h"
#include "kiosk/core/result.h"

namespace custody {

struct ImportColumn {
    const char* name;
    const char* zh;
    bool required;
};

using ColumnIndex = std::map<std::string, std::size_t>;

// Fails with CsvMissingColumn for the first required column the header lacks.
Result<ColumnIndex> index_columns(const CsvRow& header, const std::vector<ImportColumn>& columns);
// CsvEmptyField for the first required column empty in the row.
Status require_fields(const CsvRow& row, const ColumnIndex& index, const std::vector<ImportColumn>& columns);

// One parsed row, looked up by column name; values trimmed of spaces and tabs.
class RowView {
public:
    RowView(const CsvRow& row, const ColumnIndex& index) : row_(row), index_(index) {}
    std::string get(const std::string& col) const;

private:
    const CsvRow& row_;
    const ColumnIndex& index_;
};

// Tracks values that must be unique within the file, remembering where each appeared.
class SeenInFile {
public:
    Status add(const std::string& value, int line);

private:
    std::map<std::string, int> lines_;
};

template <class Table>
auto parse_enum(const Table& table, const std::string& col, const std::string& v)
    -> Result<decltype(std::begin(table)->value)> {
    auto e = parse_named(table, v);
    if (!e) return fail(Error(MessageId::CsvBadValue, {col, v, allowed_codes(table)}));
    return *e;
}

}  // namespace custody
