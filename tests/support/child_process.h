#pragma once
// A real program started in the background, so that a test can watch it work and then
// kill it (crash-safety tests), or run several at once (concurrency tests).

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace custody::test {

struct ChildStatus {
    bool exited = false;  // ended by itself: exit_code is valid
    int exit_code = -1;
    bool signaled = false;  // ended by a signal: signal is valid
    int signal = 0;
};

class ChildProcess {
public:
    // argv[0] is the program path; `env` entries are added to (or replace) the environment.
    // stdout and stderr go to `output_path` (appended), or to /dev/null when it is empty.
    explicit ChildProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
                          const std::string& output_path = "");
    // A child still running at destruction is killed and reaped.
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    // True until the child has ended (reaps it when it has).
    bool running();
    // Sends `sig` (if still running) and waits for the child to end.
    ChildStatus kill_and_wait(int sig);
    // Waits for the child to end by itself.
    ChildStatus wait();

private:
    ChildStatus reap(int options);
    pid_t pid_ = -1;
    bool done_ = false;
    ChildStatus status_;
};

}  // namespace custody::test
