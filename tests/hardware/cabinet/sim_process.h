#pragma once
// The real cabinet-sim as a child process: its first output line says where it listens,
// and each control command written to its stdin gets one answer line.

#include <sys/types.h>

#include <string>
#include <vector>

namespace custody::test {

class SimProcess {
public:
    // Starts cabinet-sim with `args` and waits (up to 5 s) for its address line.
    explicit SimProcess(const std::vector<std::string>& args);
    ~SimProcess();  // kills and reaps the child if it still runs
    SimProcess(const SimProcess&) = delete;
    SimProcess& operator=(const SimProcess&) = delete;

    const std::string& address() const { return address_; }
    int tcp_port() const;  // from "tcp:HOST:PORT"
    // Sends one control line and returns the answer ("ok ..." / "error ...").
    std::string command(const std::string& line);
    // Sends `sig` and reaps the child; returns the raw wait status.
    int kill_and_reap(int sig);

private:
    std::string read_line();
    pid_t pid_ = -1;
    int to_child_ = -1, from_child_ = -1;
    std::string buffered_;
    std::string address_;
};

}  // namespace custody::test
