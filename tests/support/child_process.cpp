#include "tests/support/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace custody::test {

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                           const std::string& output_path) {
    std::map<std::string, std::string> merged;
    for (char** e = environ; *e; ++e) {
        std::string kv = *e;
        auto eq = kv.find('=');
        if (eq != std::string::npos) merged[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    for (const auto& [k, v] : env) merged[k] = v;
    std::vector<std::string> env_strings;
    for (const auto& [k, v] : merged) env_strings.push_back(k + "=" + v);
    std::vector<char*> envp, args;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> argv_copy = argv;
    for (auto& s : argv_copy) args.push_back(s.data());
    args.push_back(nullptr);

    const std::string out = output_path.empty() ? "/dev/null" : output_path;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    int rc = posix_spawnp(&pid_, args[0], &fa, nullptr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
}

ChildProcess::~ChildProcess() {
    if (!done_) kill_and_wait(SIGKILL);
}

ChildStatus ChildProcess::reap(int options) {
    if (done_) return status_;
    int st = 0;
    pid_t r;
    do {
        r = ::waitpid(pid_, &st, options);
    } while (r < 0 && errno == EINTR);
    if (r == pid_) {
        done_ = true;
        status_.exited = WIFEXITED(st);
        status_.exit_code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
        status_.signaled = WIFSIGNALED(st);
        status_.signal = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
    } else if (r < 0) {
        done_ = true;  // not our child any more: nothing left to wait for
    }
    return status_;
}

bool ChildProcess::running() {
    reap(WNOHANG);
    return !done_;
}

ChildStatus ChildProcess::kill_and_wait(int sig) {
    if (!done_) ::kill(pid_, sig);  // a zombie still accepts the signal; reap tells what ended it
    return reap(0);
}

ChildStatus ChildProcess::wait() { return reap(0); }

}  // namespace custody::test
