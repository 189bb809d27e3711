#pragma once
// Aligned plain-text tables for a terminal, counting Chinese characters as two columns.

#include <ostream>
#include <string>
#include <vector>

namespace custody::cli {

std::size_t display_width(const std::string& utf8);

class TextTable {
public:
    explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    void print(std::ostream& out) const;
    bool empty() const { return rows_.empty(); }

private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

std::string json_string(const std::string& s);

}  // namespace custody::cli
