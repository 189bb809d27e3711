#pragma once
// Command-line words: positionals, "--name value" options and "--flag" switches. Each
// command declares which option names take a value; anything else is a usage error.

#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kiosk/core/result.h"

namespace custody::cli {

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    std::set<std::string> flags;

    std::optional<std::string> get(const std::string& name) const {
        auto it = options.find(name);
        if (it == options.end()) return std::nullopt;
        return it->second;
    }
    bool has(const std::string& flag) const { return flags.count(flag) > 0; }
};

Result<Args> parse_args(const std::vector<std::string>& words, const std::set<std::string>& valued,
                        const std::set<std::string>& switches);
Error usage(const std::string& what);

// A whole number and nothing else: "12", not "12s", " 12" or "+12".
template <class T>
bool parse_number(const std::optional<std::string>& s, T& out) {
    if (!s) return false;
    auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    return ec == std::errc() && p == s->data() + s->size();
}

}  // namespace custody::cli
