#pragma once
// Latency samples, nearest-rank percentiles and the little formatting the report needs.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

namespace custody::bench {

using SteadyClock = std::chrono::steady_clock;

inline double ms_since(SteadyClock::time_point t0, SteadyClock::time_point t1) {
    return std::chrono::duration<double, std::milli>(t1 - t0).count();
}

// CPU time of the calling thread in milliseconds (user + system, not time spent waiting
// for the disk or for a core), so that growth in work shows through a noisy machine.
inline double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Durations in milliseconds.
class Samples {
public:
    void add(double ms) {
        v_.push_back(ms);
        sorted_ = false;
    }
    std::size_t size() const { return v_.size(); }
    bool empty() const { return v_.empty(); }

    // Nearest rank: the smallest sample with at least p% of the samples at or below it.
    double pct(double p) const {
        if (v_.empty()) return std::nan("");
        sort();
        auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(v_.size())));
        rank = std::clamp<std::size_t>(rank, 1, v_.size());
        return v_[rank - 1];
    }
    double max() const { return pct(100); }
    double mean() const {
        if (v_.empty()) return std::nan("");
        double s = 0;
        for (double x : v_) s += x;
        return s / static_cast<double>(v_.size());
    }

private:
    void sort() const {
        if (!sorted_) std::sort(v_.begin(), v_.end());
        sorted_ = true;
    }
    mutable std::vector<double> v_;
    mutable bool sorted_ = true;
};

// 1234567 -> "1,234,567"
inline std::string grouped(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    int count = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (count > 0 && count % 3 == 0) out.insert(out.begin(), ',');
        out.insert(out.begin(), *it);
        ++count;
    }
    return n < 0 ? "-" + out : out;
}

inline std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

inline std::string ratio(double a, double b) {
    if (!(b > 0)) return "n/a";
    return fixed(a / b, 2) + "x";
}

}  // namespace custody::bench
