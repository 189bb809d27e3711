#include "kiosk/core/offload_pool.h"

#include <algorithm>

namespace custody {

void OffloadBoard::update(const OffloadProgress& p) {
    std::lock_guard lock(mutex_);
    slots_[p.slot] = p;
}

std::map<int, OffloadProgress> OffloadBoard::snapshot() const {
    std::lock_guard lock(mutex_);
    return slots_;
}

OffloadPool::OffloadPool(FootageOffload& offload, CameraLink& cameras, OffloadBoard& board, int workers)
    : offload_(offload), cameras_(cameras), board_(board) {
    for (int i = 0; i < std::max(1, workers); ++i) workers_.emplace_back([this] { work(); });
}

OffloadPool::~OffloadPool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    changed_.notify_all();
    for (auto& t : workers_) t.join();
}

bool OffloadPool::submit(const OffloadRequest& request) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ || !busy_slots_.insert(request.slot).second) return false;
        queue_.push_back(request);
    }
    changed_.notify_all();
    return true;
}

void OffloadPool::wait_idle() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.empty() && running_ == 0; });
}

std::vector<SlotOffloadResult> OffloadPool::take_results() {
    std::lock_guard lock(mutex_);
    return std::exchange(results_, {});
}

int OffloadPool::busiest() const {
    std::lock_guard lock(mutex_);
    return busiest_;
}

void OffloadPool::work() {
    while (true) {
        OffloadRequest request;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            request = queue_.front();
            queue_.pop_front();
            ++running_;
            busiest_ = std::max(busiest_, running_);
        }
        auto outcome = [&]() -> Result<OffloadOutcome> {
            auto camera = cameras_.open(request.slot);
            if (!camera) return fail(camera.error());
            return offload_.run(**camera, request, [&](const OffloadProgress& p) { board_.update(p); });
        }();
        {
            std::lock_guard lock(mutex_);
            results_.push_back({request.slot, std::move(outcome)});
            busy_slots_.erase(request.slot);
            --running_;
        }
        changed_.notify_all();
    }
}

}  // namespace custody
