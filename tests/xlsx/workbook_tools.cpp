#include "tests/xlsx/workbook_tools.h"

#include <gtest/gtest.h>

#include <fstream>
#include <ostream>
#include <stdexcept>

#include "tests/support/temp_dir.h"

namespace custody::test {

// Not the first python3 on PATH: that may be a private interpreter without the
// distribution's openpyxl (installer/deps.sh --test installs python3-openpyxl).
constexpr const char* kPython = "/usr/bin/python3";

CommandResult run_python(const std::string& script, const std::vector<std::string>& args) {
    std::vector<std::string> argv = {kPython, "-c", script};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv, {{"PYTHONIOENCODING", "utf-8"}});
}

void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& parts) {
    TempDir staging;
    std::vector<std::string> args = {path};
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string file = staging.file("part" + std::to_string(i));
        std::ofstream(file, std::ios::binary) << parts[i].second;
        args.push_back(parts[i].first);
        args.push_back(file);
    }
    auto r = run_python(R"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name, file in zip(sys.argv[2::2], sys.argv[3::2]):
        z.write(file, name)
)",
                        args);
    if (r.exit_code != 0) throw std::runtime_error("building " + path + " failed: " + r.err);
}

std::vector<SheetRow> expected_rows(const std::vector<std::vector<std::string>>& rows) {
    std::vector<SheetRow> out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SheetRow row{static_cast<int>(i + 1), rows[i]};
        while (!row.cells.empty() && row.cells.back().empty()) row.cells.pop_back();
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> tab_lines(const std::string& text) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        auto tab = line.find('\t');
        if (tab == std::string::npos) out.emplace_back(line, "");
        else out.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
    return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    for (;;) {
        auto tab = line.find('\t', pos);
        out.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
        if (tab == std::string::npos) return out;
        pos = tab + 1;
    }
}

std::string from_hex(const std::string& hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return out;
}

}  // namespace custody::test

namespace custody {

bool operator==(const SheetRow& a, const SheetRow& b) { return a.line == b.line && a.cells == b.cells; }

void PrintTo(const SheetRow& row, std::ostream* os) {
    *os << "line " << row.line << ": " << testing::PrintToString(row.cells);
}

}  // namespace custody
