#pragma once
// A simulator (cabinet-sim, badge-sim) as a child process: its first output line says
// where it listens, and each control command written to its stdin gets one answer line.

#include <sys/types.h>

#include <string>
#include <vector>

namespace custody::test {

class SimulatorProcess {
public:
    // Starts `program` with `args` and waits (up to 5 s) for its address line.
    SimulatorProcess(const std::string& program, const std::vector<std::string>& args);
    ~SimulatorProcess();  // kills and reaps the child if it still runs
    SimulatorProcess(const SimulatorProcess&) = delete;
    SimulatorProcess& operator=(const SimulatorProcess&) = delete;

    const std::string& address() const { return address_; }
    int tcp_port() const;  // from "tcp:HOST:PORT"
    // Sends one control line and returns the answer ("ok ..." / "error ...").
    std::string command(const std::string& line);
    // Sends `sig` and reaps the child; returns the raw wait status.
    int kill_and_reap(int sig);

    // The next line of output (up to 5 s).
    std::string read_line();

private:
    pid_t pid_ = -1;
    int to_child_ = -1, from_child_ = -1;
    std::string buffered_;
    std::string name_;
    std::string address_;
};

}  // namespace custody::test
