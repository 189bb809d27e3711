#pragma once
// Several slots offload at once, at most `workers` at a time: the cameras share the USB
// host and the archive disk, and a kiosk that starts twenty copies at shift end makes
// each of them slower, not the whole faster. Each slot's latest progress is on the
// board for the screen to show.

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "kiosk/core/footage_offload.h"

namespace custody {

class OffloadBoard {
public:
    void update(const OffloadProgress& p);
    std::map<int, OffloadProgress> snapshot() const;

private:
    mutable std::mutex mutex_;
    std::map<int, OffloadProgress> slots_;
};

struct SlotOffloadResult {
    int slot = 0;
    Result<OffloadOutcome> outcome;
};

class OffloadPool {
public:
    OffloadPool(FootageOffload& offload, CameraLink& cameras, OffloadBoard& board, int workers);
    // Lets the running offloads finish (each is resumable anyway); queued ones are dropped
    // and start again on the next docking or restart.
    ~OffloadPool();
    OffloadPool(const OffloadPool&) = delete;
    OffloadPool& operator=(const OffloadPool&) = delete;

    // False when that slot is already queued or offloading: one camera, one copy at a time.
    bool submit(const OffloadRequest& request);
    // Blocks until nothing is queued or running.
    void wait_idle();
    // The finished offloads since the last call, in the order they finished.
    std::vector<SlotOffloadResult> take_results();
    int busiest() const;  // the most offloads seen running at once

private:
    void work();

    FootageOffload& offload_;
    CameraLink& cameras_;
    OffloadBoard& board_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<OffloadRequest> queue_;
    std::set<int> busy_slots_;  // queued or running
    int running_ = 0;
    int busiest_ = 0;
    bool stopping_ = false;
    std::vector<SlotOffloadResult> results_;
    std::vector<std::thread> workers_;
};

}  // namespace custody
