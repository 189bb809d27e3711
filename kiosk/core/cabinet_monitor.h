#pragma once
// Watches a cabinet: a thread polls any CabinetController (every 50 ms by default, so a
// door or dock change reaches the listener well within 200 ms), reports slot changes and
// the link going offline/online, and confirms unlocks by seeing the door open.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "kiosk/core/cabinet_controller.h"

namespace custody {

// Called on the monitor's thread. Keep it short, and do not call unlock_and_confirm from
// it: that waits for the very thread that is calling the listener.
class CabinetListener {
public:
    virtual ~CabinetListener() = default;
    // `before` is empty for the first reading after the cabinet came (back) online.
    virtual void on_slot_changed(const std::optional<SlotStatus>& before, const SlotStatus& now) = 0;
    virtual void on_cabinet_online(const CabinetIdentity& identity) = 0;
    virtual void on_cabinet_offline(const Error& why) = 0;
};

class CabinetMonitor {
public:
    CabinetMonitor(CabinetController& controller, CabinetListener& listener,
                   std::chrono::milliseconds interval = std::chrono::milliseconds(50));
    ~CabinetMonitor();  // stops the thread
    CabinetMonitor(const CabinetMonitor&) = delete;
    CabinetMonitor& operator=(const CabinetMonitor&) = delete;

    void start();
    void stop();

    // Pulses the slot's lock, then waits until a poll taken after the pulse shows the
    // door open. UnlockNotConfirmed when no such poll arrives within `timeout` (jammed
    // lock, cabinet offline): the pulse succeeding proves nothing about the door.
    Status unlock_and_confirm(int slot, std::chrono::milliseconds timeout);
    Status set_led(int slot, LedPattern pattern);

    // Waits until a poll shows the cabinet online with slots satisfying `pred`; false
    // after `timeout`, or when stopped.
    bool wait_until(const std::function<bool(const std::vector<SlotStatus>&)>& pred,
                    std::chrono::milliseconds timeout);

    bool online() const;
    std::vector<SlotStatus> slots() const;  // the last good poll; empty while offline

private:
    void run();
    void poll_once();

    CabinetController& controller_;
    CabinetListener& listener_;
    const std::chrono::milliseconds interval_;

    std::mutex controller_mutex_;  // one request at a time on the link
    mutable std::mutex state_mutex_;
    std::condition_variable polled_;  // signalled after every poll, good or bad
    std::condition_variable wake_;    // stop requests
    std::optional<CabinetIdentity> identity_;
    std::optional<bool> online_;  // unknown until the first poll
    std::vector<SlotStatus> slots_;
    // Bumped after each pulse (under controller_mutex_); a poll records the value it saw
    // when it started, so a waiter knows which readings were taken after its pulse.
    std::uint64_t pulse_epoch_ = 0;
    std::uint64_t slots_epoch_ = 0;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace custody
