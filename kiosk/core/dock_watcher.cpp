#include "kiosk/core/dock_watcher.h"

#include <algorithm>

#include "kiosk/core/log.h"

namespace custody {

DockWatcher::DockWatcher(DockArrival& arrival, DockEvents& events) : arrival_(arrival), events_(events) {
    thread_ = std::thread([this] { run(); });
}

DockWatcher::~DockWatcher() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    wake_.notify_all();
    thread_.join();
}

void DockWatcher::on_slot_changed(const std::optional<SlotStatus>& before, const SlotStatus& now) {
    if (!now.camera_present || (before && before->camera_present)) return;
    {
        std::lock_guard lock(mutex_);
        // A slot queued twice (a camera bounced in its contacts) is handled once.
        auto same = std::find_if(queue_.begin(), queue_.end(), [&](const SlotStatus& s) { return s.slot == now.slot; });
        if (same != queue_.end()) *same = now;
        else queue_.push_back(now);
    }
    wake_.notify_all();
}

void DockWatcher::drain() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return (queue_.empty() && !busy_) || stopping_; });
}

void DockWatcher::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) break;
        SlotStatus next = queue_.front();
        queue_.pop_front();
        busy_ = true;
        lock.unlock();
        auto report = arrival_.run(next.slot, next);
        if (report) {
            events_.on_docked(*report);
        } else {
            log_event(LogLevel::Warning, "slot " + std::to_string(next.slot) + ": " + log_line(report.error()),
                      LogFields{}.at_slot(next.slot));
            events_.on_dock_failed(next.slot, report.error());
        }
        lock.lock();
        busy_ = false;
        idle_.notify_all();
    }
    busy_ = false;
    idle_.notify_all();
}

}  // namespace custody
