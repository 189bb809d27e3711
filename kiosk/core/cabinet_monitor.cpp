#include "kiosk/core/cabinet_monitor.h"

#include <string>
#include <utility>

#include "kiosk/core/log.h"

namespace custody {

CabinetMonitor::CabinetMonitor(CabinetController& controller, CabinetListener& listener,
                               std::chrono::milliseconds interval)
    : controller_(controller), listener_(listener), interval_(interval) {}

CabinetMonitor::~CabinetMonitor() { stop(); }

void CabinetMonitor::start() {
    if (thread_.joinable()) return;
    {
        std::lock_guard lock(state_mutex_);
        stopping_ = false;
    }
    thread_ = std::thread([this] { run(); });
}

void CabinetMonitor::stop() {
    {
        std::lock_guard lock(state_mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    polled_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void CabinetMonitor::run() {
    std::unique_lock lock(state_mutex_);
    while (!stopping_) {
        lock.unlock();
        poll_once();
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
}

void CabinetMonitor::poll_once() {
    std::optional<Error> failure;
    std::optional<CabinetIdentity> identity;
    std::vector<SlotStatus> fresh;
    std::uint64_t epoch = 0;
    {
        std::lock_guard link(controller_mutex_);
        {
            std::lock_guard lock(state_mutex_);
            epoch = pulse_epoch_;
            identity = identity_;
        }
        // The identity is read again after every outage: the board may have been swapped.
        if (!identity) {
            auto id = controller_.identity();
            if (id) identity = *id;
            else failure = id.error();
        }
        if (!failure) {
            auto read = controller_.read_slots();
            if (read) fresh = std::move(*read);
            else failure = read.error();
        }
    }

    if (failure) {
        bool was_offline;
        {
            std::lock_guard lock(state_mutex_);
            was_offline = online_.has_value() && !*online_;
            online_ = false;
            identity_.reset();
            slots_.clear();
            slots_epoch_ = epoch;
        }
        polled_.notify_all();
        // Once per outage, not once per poll.
        if (!was_offline) {
            log_event(LogLevel::Error, "cabinet offline: " + log_line(*failure));
            listener_.on_cabinet_offline(*failure);
        }
        return;
    }

    bool was_online;
    std::vector<SlotStatus> previous;
    {
        std::lock_guard lock(state_mutex_);
        was_online = online_.value_or(false);
        online_ = true;
        identity_ = identity;
        previous = std::exchange(slots_, fresh);
        slots_epoch_ = epoch;
    }
    polled_.notify_all();
    if (!was_online) {
        log_event(LogLevel::Info, "cabinet online: " + std::to_string(identity->slot_count) + " slots, firmware " +
                                      identity->firmware + ", serial " + identity->serial);
        listener_.on_cabinet_online(*identity);
    }
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        std::optional<SlotStatus> before;
        if (was_online && i < previous.size()) before = previous[i];
        if (!before || *before != fresh[i]) listener_.on_slot_changed(before, fresh[i]);
    }
}

Status CabinetMonitor::unlock_and_confirm(int slot, std::chrono::milliseconds timeout) {
    std::uint64_t target = 0;
    {
        std::lock_guard link(controller_mutex_);
        CUSTODY_TRY(controller_.pulse_unlock(slot));
        std::lock_guard lock(state_mutex_);
        target = ++pulse_epoch_;
    }
    auto door_open = [&] {
        if (slots_epoch_ < target) return false;
        for (const auto& s : slots_) {
            if (s.slot == slot) return !s.door_closed;
        }
        return false;
    };
    std::unique_lock lock(state_mutex_);
    if (polled_.wait_for(lock, timeout, [&] { return door_open() || stopping_; }) && door_open()) return {};

    std::string seen = "no reading after the pulse";
    if (online_ == false) seen = "cabinet offline";
    else if (slots_epoch_ >= target) {
        for (const auto& s : slots_) {
            if (s.slot == slot) seen = s.lock_fault ? "door closed, lock fault" : "door still closed";
        }
    }
    Error e(MessageId::UnlockNotConfirmed, {std::to_string(slot)}, seen);
    log_event(LogLevel::Warning, log_line(e));
    return fail(e);
}

Status CabinetMonitor::set_led(int slot, LedPattern pattern) {
    std::lock_guard link(controller_mutex_);
    return controller_.set_led(slot, pattern);
}

bool CabinetMonitor::wait_until(const std::function<bool(const std::vector<SlotStatus>&)>& pred,
                                std::chrono::milliseconds timeout) {
    std::unique_lock lock(state_mutex_);
    auto met = [&] { return online_.value_or(false) && pred(slots_); };
    return polled_.wait_for(lock, timeout, [&] { return stopping_ || met(); }) && met();
}

bool CabinetMonitor::online() const {
    std::lock_guard lock(state_mutex_);
    return online_.value_or(false);
}

std::vector<SlotStatus> CabinetMonitor::slots() const {
    std::lock_guard lock(state_mutex_);
    return slots_;
}

}  // namespace custody
