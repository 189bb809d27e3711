#include "kiosk/xlsx/number_format.h"

#include <cctype>
#include <charconv>
#include <cstring>
#include <map>

#include "kiosk/xlsx/part_parser.h"

namespace custody::xlsx {
namespace {

struct FormatLetters {
    bool year_or_day = false;
    bool m = false;  // month, or minute next to hours or seconds
    bool hour_or_second = false;
    bool elapsed = false;  // [h], [mm], [ss]: a duration, not a time of day
};

bool all_of_one_time_letter(std::string_view s) {
    if (s.empty()) return false;
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    if (c != 'h' && c != 'm' && c != 's') return false;
    for (char x : s)
        if (std::tolower(static_cast<unsigned char>(x)) != c) return false;
    return true;
}

// Letters outside quoted text, escapes, fill/padding characters and [..] sections
// (colours, locales, conditions) are format codes.
FormatLetters scan_first_section(std::string_view code) {
    FormatLetters f;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        if (c == ';') break;
        if (c == '"') {
            auto close = code.find('"', i + 1);
            i = close == std::string_view::npos ? code.size() : close;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (c == '[') {
            auto close = code.find(']', i + 1);
            if (close == std::string_view::npos) break;
            if (all_of_one_time_letter(code.substr(i + 1, close - i - 1))) f.elapsed = true;
            i = close;
        } else {
            switch (std::tolower(static_cast<unsigned char>(c))) {
                case 'y': case 'd': f.year_or_day = true; break;
                case 'm': f.m = true; break;
                case 'h': case 's': f.hour_or_second = true; break;
                default: break;
            }
        }
    }
    return f;
}

int to_int(const char* s, int fallback) {
    int v = fallback;
    if (s == nullptr) return fallback;
    auto [end, ec] = std::from_chars(s, s + std::strlen(s), v);
    return ec == std::errc() && *end == '\0' ? v : fallback;
}

struct StylesXml : XmlHandler {
    std::map<int, std::string> custom;  // <numFmts>: id -> format code
    std::vector<int> xf_formats;        // <cellXfs>, in order: each xf's numFmtId
    bool in_cell_xfs = false;

    void start(std::string_view name, const XmlAttrs& attrs) override {
        if (name == "numFmt") {
            const char* code = attrs.find("formatCode");
            int id = to_int(attrs.find("numFmtId"), -1);
            if (code != nullptr && id >= 0) custom[id] = code;
        } else if (name == "cellXfs") {
            in_cell_xfs = true;
        } else if (name == "xf" && in_cell_xfs) {
            xf_formats.push_back(to_int(attrs.find("numFmtId"), 0));
        }
    }
    void end(std::string_view name) override {
        if (name == "cellXfs") in_cell_xfs = false;
    }
};

}  // namespace

NumberKind builtin_format_kind(int id) {
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) || id == 57 ||
        id == 58)
        return NumberKind::Date;
    if (id == 22) return NumberKind::DateTime;
    if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || id == 45 || id == 47 || id == 55 || id == 56)
        return NumberKind::Time;
    return NumberKind::Plain;  // 46 is [h]:mm:ss, a duration
}

NumberKind format_code_kind(std::string_view code) {
    FormatLetters f = scan_first_section(code);
    if (f.elapsed) return NumberKind::Plain;
    // "m" alone (mmm-yy) is a month; next to h or s (h:mm) it is minutes.
    bool date = f.year_or_day || (f.m && !f.hour_or_second);
    if (date && f.hour_or_second) return NumberKind::DateTime;
    if (date) return NumberKind::Date;
    if (f.hour_or_second) return NumberKind::Time;
    return NumberKind::Plain;
}

Result<CellStyles> read_cell_styles(const ZipReader& zip, const std::string& part) {
    CellStyles styles;
    if (part.empty()) return styles;
    StylesXml xml;
    CUSTODY_TRY(parse_part(zip, part, xml));
    for (int id : xml.xf_formats) {
        // A workbook may restate a built-in id with its own code: the code wins.
        auto it = xml.custom.find(id);
        styles.add(it != xml.custom.end() ? format_code_kind(it->second) : builtin_format_kind(id));
    }
    return styles;
}

}  // namespace custody::xlsx
