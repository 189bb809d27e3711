#include "kiosk/core/import_table.h"

namespace custody {

namespace {
std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}
}  // namespace

Result<ColumnIndex> index_columns(const CsvRow& header, const std::vector<ImportColumn>& columns) {
    ColumnIndex index;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        std::string title = trim(header.fields[i]);
        for (const auto& c : columns)
            if (title == c.name || title == c.zh) index[c.name] = i;
    }
    for (const auto& c : columns)
        if (c.required && !index.count(c.name)) return fail(Error(MessageId::CsvMissingColumn, {c.name}));
    return index;
}

Status require_fields(const CsvRow& row, const ColumnIndex& index, const std::vector<ImportColumn>& columns) {
    RowView view(row, index);
    for (const auto& c : columns)
        if (c.required && view.get(c.name).empty()) return fail(Error(MessageId::CsvEmptyField, {c.name}));
    return {};
}

std::string RowView::get(const std::string& col) const {
    auto it = index_.find(col);
    if (it == index_.end() || it->second >= row_.fields.size()) return {};
    return trim(row_.fields[it->second]);
}

Status SeenInFile::add(const std::string& value, int line) {
    auto [it, fresh] = lines_.emplace(value, line);
    if (!fresh) return fail(Error(MessageId::CsvDuplicateInFile, {value, std::to_string(it->second)}));
    return {};
}

}  // namespace custody
