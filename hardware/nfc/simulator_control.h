#pragma once
// How badge-sim and wedge-sim take their commands: one line at a time on standard input,
// until a handler says quit or SIGTERM/SIGINT arrives; after stdin ends (run in the
// background) they keep serving until the signal. The signals are blocked except inside
// ppoll, so one cannot slip in between the check and the wait.

#include <csignal>
#include <functional>
#include <string>

namespace custody::nfc {

class SimulatorControl {
public:
    // Blocks the signals: construct before starting any thread.
    SimulatorControl();
    // `handle` returns false to quit. Returns the exit status: 0, or 1 if waiting failed.
    int serve(const char* program, const std::function<bool(const std::string&)>& handle);

private:
    sigset_t during_wait_;
};

}  // namespace custody::nfc
