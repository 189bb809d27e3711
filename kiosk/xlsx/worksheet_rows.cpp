#include "kiosk/xlsx/worksheet_rows.h"

#include <charconv>
#include <cstring>
#include <optional>

#include "kiosk/xlsx/cell_text.h"
#include "kiosk/xlsx/part_parser.h"
#include "kiosk/xlsx/string_item.h"

namespace custody::xlsx {
namespace {

std::string_view trimmed(std::string_view s) {
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

template <class T>
std::optional<T> whole_number(std::string_view s) {
    s = trimmed(s);
    T v{};
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

// One <c> as it is being read.
struct Cell {
    std::size_t column = 0;
    std::string type = "n";
    std::size_t style = 0;
    std::string value;   // <v>
    StringItem inline_text;  // <is>
    bool in_value = false;
    bool in_inline = false;
};

// t="d": an ISO 8601 date-time, shown the way the cell's format would show it.
std::string iso_date_text(std::string_view v, NumberKind kind) {
    std::string s(trimmed(v));
    if (s.size() < 10) return s;
    if (kind == NumberKind::Date || kind == NumberKind::Plain || s.size() < 19) return s.substr(0, 10);
    if (kind == NumberKind::Time) return s.substr(11, 8);
    s[10] = ' ';
    return s.substr(0, 19);
}

class WorksheetXml : public XmlHandler {
public:
    explicit WorksheetXml(const SheetContext& context) : context_(context) {}
    std::vector<SheetRow> rows;

    void start(std::string_view name, const XmlAttrs& attrs) override {
        if (name == "sheetData") in_data_ = true;
        else if (!in_data_) return;
        else if (name == "row") start_row(attrs);
        else if (name == "c" && in_row_) start_cell(attrs);
        else if (!cell_) return;
        else if (name == "v") cell_->in_value = true;
        else if (name == "is") cell_->in_inline = true;
        else if (cell_->in_inline) cell_->inline_text.start(name);
    }

    void end(std::string_view name) override {
        if (name == "sheetData") in_data_ = false;
        else if (name == "row" && in_row_) end_row();
        else if (!cell_) return;
        else if (name == "c") end_cell();
        else if (name == "v") cell_->in_value = false;
        else if (name == "is") cell_->in_inline = false;
        else if (cell_->in_inline) cell_->inline_text.end(name);
    }

    void text(std::string_view s) override {
        if (!cell_) return;
        if (cell_->in_value) cell_->value += s;
        else if (cell_->in_inline) cell_->inline_text.text(s);
    }

private:
    void start_row(const XmlAttrs& attrs) {
        // r is optional: a row without it follows the previous one.
        int line = line_ + 1;
        if (const char* r = attrs.find("r")) {
            auto n = whole_number<int>(r);
            if (!n || *n < 1 || *n > kMaxRows) return reject("row number \"" + std::string(r) + "\" is not valid");
            line = *n;
        }
        line_ = line;
        in_row_ = true;
        next_column_ = 0;
        cells_.clear();
    }

    void end_row() {
        in_row_ = false;
        while (!cells_.empty() && cells_.back().empty()) cells_.pop_back();
        if (!cells_.empty()) rows.push_back({line_, std::move(cells_)});
        cells_.clear();
    }

    void start_cell(const XmlAttrs& attrs) {
        cell_.emplace();
        cell_->column = next_column_;
        if (const char* r = attrs.find("r")) {
            auto col = column_of(r);
            if (!col) return reject("cell reference \"" + std::string(r) + "\" is not valid");
            cell_->column = *col;
        }
        if (cell_->column >= kMaxColumns) return reject("a cell lies beyond column " + column_name(kMaxColumns - 1));
        if (const char* t = attrs.find("t")) cell_->type = t;
        if (const char* s = attrs.find("s")) cell_->style = whole_number<std::size_t>(s).value_or(0);
    }

    void end_cell() {
        auto text = cell_text(*cell_);
        if (!text) return;
        if (cells_.size() <= cell_->column) cells_.resize(cell_->column + 1);
        cells_[cell_->column] = std::move(*text);
        next_column_ = cell_->column + 1;
        cell_.reset();
    }

    std::optional<std::string> cell_text(Cell& c) {
        if (c.type == "inlineStr") return c.inline_text.take();
        if (c.type == "s") return shared_string(c.value);
        if (c.type == "str") return unescape_xstring(c.value);
        if (c.type == "b") return boolean_text(c.value);
        if (c.type == "e") return std::string(trimmed(c.value));
        NumberKind kind = context_.styles.kind(c.style);
        if (c.type == "d") return iso_date_text(c.value, kind);
        return number_cell_text(trimmed(c.value), kind);
    }

    std::optional<std::string> shared_string(std::string_view v) {
        auto index = whole_number<std::size_t>(v);
        const auto& table = context_.shared_strings;
        if (index && *index < table.size()) return table[*index];
        reject("shared string \"" + std::string(trimmed(v)) + "\" does not exist (the workbook has " +
               std::to_string(table.size()) + ")");
        return std::nullopt;
    }

    static std::string boolean_text(std::string_view v) {
        v = trimmed(v);
        if (v == "1" || v == "true") return "TRUE";
        if (v == "0" || v == "false") return "FALSE";
        return std::string(v);
    }

    std::optional<std::string> number_cell_text(std::string_view v, NumberKind kind) {
        if (v.empty()) return std::string();
        if (kind != NumberKind::Plain) {
            double serial = 0;
            auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), serial);
            if (ec == std::errc() && end == v.data() + v.size())
                if (auto date = serial_text(serial, kind, context_.date1904)) return date;
        }
        // Not a number after all: keep what the cell holds rather than lose it.
        return number_text(v).value_or(std::string(v));
    }

    const SheetContext& context_;
    bool in_data_ = false;
    bool in_row_ = false;
    int line_ = 0;
    std::size_t next_column_ = 0;
    std::vector<std::string> cells_;
    std::optional<Cell> cell_;
};

}  // namespace

Result<std::vector<SheetRow>> read_worksheet_rows(const ZipReader& zip, const std::string& part,
                                                  const SheetContext& context) {
    WorksheetXml xml(context);
    CUSTODY_TRY(parse_part(zip, part, xml));
    return std::move(xml.rows);
}

}  // namespace custody::xlsx
