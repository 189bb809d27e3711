#pragma once
// Enumerations in the domain have a stable code (stored, exported) and zh/en names
// (shown, and accepted on import so that a finance office can type either).

#include <optional>
#include <iterator>
#include <string>
#include <string_view>

#include "kiosk/core/messages.h"

namespace custody {

template <class E>
struct NamedCode {
    E value;
    std::string_view code;
    std::string_view zh;
    std::string_view en;
};

// The tables are plain arrays of NamedCode; these take any of them.
template <class Table, class E>
const auto& named(const Table& table, E v) {
    for (const auto& n : table)
        if (n.value == v) return n;
    return *std::begin(table);
}

template <class Table>
auto parse_named(const Table& table, std::string_view s) -> std::optional<decltype(std::begin(table)->value)> {
    for (const auto& n : table)
        if (s == n.code || s == n.zh || s == n.en) return n.value;
    return std::nullopt;
}

// "待缴款 / awaiting payment": a name inside an error, whose arguments carry no language.
template <class Table, class E>
std::string both_names(const Table& table, E v) {
    const auto& n = named(table, v);
    return std::string(n.zh) + " / " + std::string(n.en);
}

template <class Table>
std::string allowed_codes(const Table& table) {
    std::string out;
    for (const auto& n : table) {
        if (!out.empty()) out += ", ";
        out += std::string(n.code) + "/" + std::string(n.zh);
    }
    return out;
}

}  // namespace custody
