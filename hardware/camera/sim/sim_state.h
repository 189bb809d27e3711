#pragma once
// The simulated camera's persistent state: <slot dir>/state.ini, "key=value" lines.
// Every exported call reads it afresh and writes it back after a change, so a test can
// inject a fault by editing the file between two calls.

#include <map>
#include <optional>
#include <string>

namespace gat947sim {

class SimState {
public:
    static std::optional<SimState> load(const std::string& slot_dir);
    // A state not yet saved, for a new slot directory.
    static SimState fresh(const std::string& slot_dir) {
        SimState s;
        s.dir_ = slot_dir;
        return s;
    }
    const std::map<std::string, std::string>& values() const { return values_; }
    bool save() const;

    std::string get(const std::string& key, const std::string& fallback = {}) const;
    long long get_int(const std::string& key, long long fallback = 0) const;
    bool flag(const std::string& key) const { return get_int(key) != 0; }
    void set(const std::string& key, const std::string& value) { values_[key] = value; }

    const std::string& dir() const { return dir_; }
    std::string volume() const { return dir_ + "/volume"; }

private:
    std::string dir_;
    std::map<std::string, std::string> values_;
};

// Fixed fields hold raw GBK bytes; the file keeps them as hex so it stays plain ASCII.
std::string to_hex(const std::string& bytes);
std::optional<std::string> from_hex(const std::string& hex);

}  // namespace gat947sim
