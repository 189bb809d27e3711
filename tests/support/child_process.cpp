#include "tests/support/child_process.h"

#include "tests/support/spawn_args.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace custody::test {

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                           const std::string& output_path) {
    SpawnArgs args(argv, env);
    const std::string out = output_path.empty() ? "/dev/null" : output_path;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    int rc = posix_spawnp(&pid_, args.program(), &fa, nullptr, args.argv(), args.envp());
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
