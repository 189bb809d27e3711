#pragma once
// What a slot's offload shows while it runs: bytes done of the total, the rate over the
// last few seconds and the time left at that rate (for the kiosk screen and the CLI).

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"

namespace custody {

enum class OffloadPhase { Listing, Copying, Committing, Wiping, Done, Failed };

struct OffloadProgress {
    int slot = 0;
    std::string device_serial;
    Id job_id = 0;
    OffloadPhase phase = OffloadPhase::Listing;
    std::int64_t files_done = 0;
    std::int64_t files_total = 0;
    std::int64_t bytes_done = 0;
    std::int64_t bytes_total = 0;
    std::int64_t bytes_per_s = 0;
    std::optional<std::int64_t> eta_s;
    std::string current_file;
};

using OffloadProgressFn = std::function<void(const OffloadProgress&)>;

// Rate over a sliding window of samples, so a stall shows up within seconds.
class TransferMeter {
public:
    explicit TransferMeter(std::int64_t window_ms = 3000) : window_ms_(window_ms) {}
    void sample(Timestamp at, std::int64_t bytes_done);
    std::int64_t bytes_per_s() const;
    std::optional<std::int64_t> eta_s(std::int64_t bytes_left) const;

private:
    std::int64_t window_ms_;
    std::deque<std::pair<Timestamp, std::int64_t>> samples_;
};

}  // namespace custody
