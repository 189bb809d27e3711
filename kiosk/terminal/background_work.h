#pragma once
// The screen never waits on hardware: a checkout waits seconds for a door and up to half
// a minute for the camera to leave its slot. That waiting happens here, on one thread of
// its own, and what comes of it goes back to the screen through PostToUi (CallAfter in
// the wx app), so every change of what the screen shows happens on the UI thread.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace custody::terminal {

using UiTask = std::function<void()>;
using PostToUi = std::function<void(UiTask)>;

class BackgroundWork {
public:
    BackgroundWork();
    ~BackgroundWork();  // finishes the task in progress, drops the queued ones
    BackgroundWork(const BackgroundWork&) = delete;
    BackgroundWork& operator=(const BackgroundWork&) = delete;

    void run(UiTask task);
    // Blocks until every task queued so far has finished.
    void drain();

private:
    void work();

    std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::deque<UiTask> queue_;
    bool busy_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace custody::terminal
