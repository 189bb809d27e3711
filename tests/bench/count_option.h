#pragma once
// The benchmarks' numeric options: the word after argv[i], a whole count or a clear
// std::invalid_argument naming the option (caught by the option parser, shown with usage).

#include <cstdint>
#include <stdexcept>
#include <string>

namespace custody::bench {

inline std::int64_t count_option(int& i, int argc, char** argv, const char* name) {
    if (i + 1 >= argc) throw std::invalid_argument(std::string(name) + " needs a value");
    const std::string v = argv[++i];
    std::size_t used = 0;
    long long n = -1;
    try {
        n = std::stoll(v, &used);
    } catch (const std::logic_error&) {
        used = 0;
    }
    if (used != v.size() || n < 0) throw std::invalid_argument(std::string(name) + ": not a count: " + v);
    return n;
}

}  // namespace custody::bench
