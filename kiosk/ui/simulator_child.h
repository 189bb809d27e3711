#pragma once
// A simulator the demo starts (cabinet-sim, badge-sim): its first output line says where
// it listens, and each control line written to its stdin gets one answer line. The
// child gets SIGTERM when this object goes, so a closed kiosk leaves no simulator behind.

#include <sys/types.h>

#include <mutex>
#include <string>
#include <vector>

#include "kiosk/core/result.h"

namespace custody::ui {

class SimulatorChild {
public:
    static Result<std::unique_ptr<SimulatorChild>> start(const std::string& program, const std::vector<std::string>& args,
                                                         const std::string& log_path);
    ~SimulatorChild();
    SimulatorChild(const SimulatorChild&) = delete;
    SimulatorChild& operator=(const SimulatorChild&) = delete;

    const std::string& address() const { return address_; }
    // One control line; the answer ("ok ..."), or the simulator's "error ..." as an Error.
    Result<std::string> command(const std::string& line);

private:
    SimulatorChild() = default;
    Result<std::string> read_line();

    std::mutex mutex_;
    std::string name_;
    pid_t pid_ = -1;
    int to_child_ = -1, from_child_ = -1;
    std::string buffered_;
    std::string address_;
};

}  // namespace custody::ui
