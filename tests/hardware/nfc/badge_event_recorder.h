#pragma once
// A BadgeEvents that keeps every tap and reader state, for the reader adapters' tests to
// wait on (generously: the bound catches a hang, it measures nothing).

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "kiosk/core/badge_reader.h"

namespace custody::test {

class BadgeEventRecorder final : public BadgeEvents {
public:
    static constexpr std::chrono::seconds kGenerous{10};

    void on_tap(const BadgeTap& tap) override {
        std::lock_guard lock(mutex_);
        taps.push_back(tap.uid);
        changed_.notify_all();
    }
    void on_reader_state(ReaderState state, const Error& why) override {
        std::lock_guard lock(mutex_);
        states.push_back(state);
        reasons.push_back(why);
        changed_.notify_all();
    }
    bool wait_taps(std::size_t n) { return wait([&] { return taps.size() >= n; }); }
    bool wait_states(std::size_t n) { return wait([&] { return states.size() >= n; }); }
    bool wait_online_after(std::size_t n) {
        return wait([&] { return states.size() > n && states.back() == ReaderState::Online; });
    }
    std::vector<std::string> taps_now() {
        std::lock_guard lock(mutex_);
        return taps;
    }
    // While the reader may still report: that nothing more arrived.
    std::size_t state_count() {
        std::lock_guard lock(mutex_);
        return states.size();
    }

    // Read these after a wait has seen what the test expects.
    std::vector<std::string> taps;
    std::vector<ReaderState> states;
    std::vector<Error> reasons;

private:
    template <class Pred>
    bool wait(Pred done) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, kGenerous, done);
    }
    std::mutex mutex_;
    std::condition_variable changed_;
};

}  // namespace custody::test
