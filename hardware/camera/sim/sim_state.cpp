#include "hardware/camera/sim/sim_state.h"

#include <cstdlib>
#include <fstream>

namespace gat947sim {

std::optional<SimState> SimState::load(const std::string& slot_dir) {
    std::ifstream in(slot_dir + "/state.ini");
    if (!in) return std::nullopt;
    SimState s;
    s.dir_ = slot_dir;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line[0] == ';' || line[0] == '[') continue;
        auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        s.values_[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return s;
}

bool SimState::save() const {
    // Write then rename, so a test reading the file never sees half of it.
    std::string tmp = dir_ + "/state.ini.tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        if (!out) return false;
        for (const auto& [k, v] : values_) out << k << '=' << v << '\n';
        if (!out) return false;
    }
    return std::rename(tmp.c_str(), (dir_ + "/state.ini").c_str()) == 0;
}

std::string SimState::get(const std::string& key, const std::string& fallback) const {
    auto it = values_.find(key);
    return it == values_.end() ? fallback : it->second;
}

long long SimState::get_int(const std::string& key, long long fallback) const {
    auto it = values_.find(key);
    if (it == values_.end() || it->second.empty()) return fallback;
    char* end = nullptr;
    long long v = std::strtoll(it->second.c_str(), &end, 10);
    return *end == '\0' ? v : fallback;
}

std::string to_hex(const std::string& bytes) {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 0xF];
    }
    return out;
}

std::optional<std::string> from_hex(const std::string& hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        char pair[3] = {hex[i], hex[i + 1], '\0'};
        char* end = nullptr;
        long v = std::strtol(pair, &end, 16);
        if (*end != '\0') return std::nullopt;
        out += static_cast<char>(v);
    }
    return out;
}

}  // namespace gat947sim
