#pragma once
// Time in the domain: UTC milliseconds since the Unix epoch, read through a Clock port
// so that the demo and tests can drive a month of history in a second.

#include <cstdint>
#include <string>

namespace custody {

struct Timestamp {
    std::int64_t ms = 0;
    auto operator<=>(const Timestamp&) const = default;
};

constexpr std::int64_t kMsPerSecond = 1000;
constexpr std::int64_t kMsPerHour = 3600 * kMsPerSecond;
constexpr std::int64_t kMsPerDay = 24 * kMsPerHour;

class Clock {
public:
    virtual ~Clock() = default;
    virtual Timestamp now() const = 0;
};

class SystemClock final : public Clock {
public:
    Timestamp now() const override;
};

class ManualClock final : public Clock {
public:
    explicit ManualClock(Timestamp start) : now_(start) {}
    Timestamp now() const override { return now_; }
    void set(Timestamp t) { now_ = t; }
    void advance_ms(std::int64_t ms) { now_.ms += ms; }

private:
    Timestamp now_;
};

}  // namespace custody
