#pragma once
// A CabinetListener that keeps every event, so a test can wait (with a generous bound,
// never a timing assertion) for the one it expects.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

#include "kiosk/core/cabinet_monitor.h"

namespace custody::test {

struct CabinetEvent {
    enum class Kind { SlotChanged, Online, Offline } kind;
    SlotStatus slot;       // SlotChanged
    CabinetIdentity identity;  // Online
    Error error;           // Offline
};

class RecordingListener : public CabinetListener {
public:
    void on_slot_changed(const std::optional<SlotStatus>&, const SlotStatus& now) override {
        push({CabinetEvent::Kind::SlotChanged, now, {}, {}});
    }
    void on_cabinet_online(const CabinetIdentity& id) override { push({CabinetEvent::Kind::Online, {}, id, {}}); }
    void on_cabinet_offline(const Error& why) override { push({CabinetEvent::Kind::Offline, {}, {}, why}); }

    // Waits for an event (recorded from index `from` on) matching `pred`; returns it.
    std::optional<CabinetEvent> wait_for(const std::function<bool(const CabinetEvent&)>& pred, std::size_t from = 0,
                                         std::chrono::milliseconds limit = std::chrono::seconds(5)) {
        std::unique_lock lock(mutex_);
        std::optional<CabinetEvent> found;
        cv_.wait_for(lock, limit, [&] {
            for (std::size_t i = from; i < events_.size(); ++i) {
                if (pred(events_[i])) {
                    found = events_[i];
                    return true;
                }
            }
            return false;
        });
        return found;
    }
    std::size_t size() {
        std::lock_guard lock(mutex_);
        return events_.size();
    }

private:
    void push(CabinetEvent e) {
        {
            std::lock_guard lock(mutex_);
            events_.push_back(std::move(e));
        }
        cv_.notify_all();
    }
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<CabinetEvent> events_;
};

inline bool is_online(const CabinetEvent& e) { return e.kind == CabinetEvent::Kind::Online; }
inline bool is_offline(const CabinetEvent& e) { return e.kind == CabinetEvent::Kind::Offline; }

}  // namespace custody::test
