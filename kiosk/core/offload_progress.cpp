#include "kiosk/core/offload_progress.h"

namespace custody {

void TransferMeter::sample(Timestamp at, std::int64_t bytes_done) {
    samples_.emplace_back(at, bytes_done);
    while (samples_.size() > 2 && at.ms - samples_.front().first.ms > window_ms_) samples_.pop_front();
}

std::int64_t TransferMeter::bytes_per_s() const {
    if (samples_.size() < 2) return 0;
    const auto& [t0, b0] = samples_.front();
    const auto& [t1, b1] = samples_.back();
    if (t1.ms <= t0.ms) return 0;
    return (b1 - b0) * 1000 / (t1.ms - t0.ms);
}

std::optional<std::int64_t> TransferMeter::eta_s(std::int64_t bytes_left) const {
    std::int64_t rate = bytes_per_s();
    if (rate <= 0) return std::nullopt;
    return (bytes_left + rate - 1) / rate;
}

}  // namespace custody
