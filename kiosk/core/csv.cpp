#include "kiosk/core/csv.h"

#include <algorithm>
#include <cstdint>

namespace custody {

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n;
        std::uint32_t cp;
        if (c < 0x80) { n = 0; cp = c; }
        else if ((c >> 5) == 0x6) { n = 1; cp = c & 0x1F; }
        else if ((c >> 4) == 0xE) { n = 2; cp = c & 0x0F; }
        else if ((c >> 3) == 0x1E) { n = 3; cp = c & 0x07; }
        else return false;
        if (i + n >= s.size() && n > 0) return false;
        for (std::size_t k = 1; k <= n; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc >> 6) != 0x2) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

Result<std::vector<CsvRow>> parse_csv(std::string_view text, const std::string& source) {
    auto reject = [&](int line, Error cause) -> Result<std::vector<CsvRow>> {
        return fail(Error(MessageId::ImportRejected, {source, std::to_string(line)}).with_cause(std::move(cause)));
    };
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (!valid_utf8(text)) {
        // Name the first bad line so the custodian can find it.
        int line = 1;
        std::size_t start = 0;
        for (std::size_t i = 0; i <= text.size(); ++i) {
            if (i == text.size() || text[i] == '\n') {
                if (!valid_utf8(text.substr(start, i - start))) break;
                ++line;
                start = i + 1;
            }
        }
        return reject(line, Error(MessageId::CsvBadUtf8));
    }
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string field;
    int line = 1;
    row.line = 1;
    bool in_quotes = false, quoted_field = false, row_has_content = false, row_quoted = false;
    auto end_field = [&] {
        row.fields.push_back(std::move(field));
        field.clear();
        quoted_field = false;
    };
    auto end_row = [&] {
        end_field();
        // Spreadsheets pad the end of a sheet with rows of bare commas: those are blank too.
        bool blank = !row_quoted &&
                     std::all_of(row.fields.begin(), row.fields.end(), [](const std::string& f) { return f.empty(); });
        if (!blank) rows.push_back(std::move(row));
        row = CsvRow{};
        row_has_content = false;
        row_quoted = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (row.fields.empty() && field.empty() && !row_has_content) row.line = line;
        if (c == '"') {
            if (!field.empty() || quoted_field) return reject(line, Error(MessageId::CsvStrayQuote));
            in_quotes = quoted_field = row_has_content = row_quoted = true;
        } else if (c == ',') {
            row_has_content = true;
            end_field();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            end_row();
            ++line;
        } else {
            if (quoted_field) return reject(line, Error(MessageId::CsvStrayQuote));
            row_has_content = true;
            field += c;
        }
    }
    if (in_quotes) return reject(row.line, Error(MessageId::CsvUnterminatedQuote));
    if (!field.empty() || !row.fields.empty() || row_has_content) end_row();
    return rows;
}

std::string csv_escape(const std::string& f) {
    if (f.find_first_of(",\"\r\n") == std::string::npos) return f;
    std::string out = "\"";
    for (char c : f) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace custody
