#pragma once
// Turns the cabinet's slot readings into dock arrivals: when a slot starts to hold a
// camera, DockArrival runs for it on the watcher's own thread (the cabinet's poll thread
// must not wait on a camera), and the outcome goes to DockEvents.

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "kiosk/core/cabinet_monitor.h"
#include "kiosk/core/dock_arrival.h"

namespace custody {

// Called on the watcher's thread; implementations hand over to their own (the UI uses
// CallAfter) and return quickly.
class DockEvents {
public:
    virtual ~DockEvents() = default;
    virtual void on_docked(const DockArrivalReport& report) = 0;
    virtual void on_dock_failed(int slot, const Error& why) = 0;
};

class DockWatcher final : public CabinetListener {
public:
    DockWatcher(DockArrival& arrival, DockEvents& events);
    ~DockWatcher() override;  // finishes the arrival in progress, drops the rest
    DockWatcher(const DockWatcher&) = delete;
    DockWatcher& operator=(const DockWatcher&) = delete;

    // The first reading after the cabinet comes online counts as an arrival for every
    // occupied slot: DockArrival tells a known camera from a new one.
    void on_slot_changed(const std::optional<SlotStatus>& before, const SlotStatus& now) override;
    void on_cabinet_online(const CabinetIdentity&) override {}
    void on_cabinet_offline(const Error&) override {}

    // Blocks until every arrival queued so far has been handled (for tests and shutdown).
    void drain();

private:
    void run();

    DockArrival& arrival_;
    DockEvents& events_;
    std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::deque<SlotStatus> queue_;
    bool busy_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace custody
