#include "kiosk/ui/simulator_child.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace custody::ui {

namespace {
// Bounds a hung simulator only; a healthy one answers in microseconds.
constexpr int kAnswerTimeoutMs = 5000;
}  // namespace

Result<std::unique_ptr<SimulatorChild>> SimulatorChild::start(const std::string& program,
                                                             const std::vector<std::string>& args,
                                                             const std::string& log_path) {
    std::unique_ptr<SimulatorChild> c(new SimulatorChild());
    c->name_ = program.substr(program.rfind('/') + 1);
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0) return fail(Error(MessageId::KioskSimulatorFailed, {c->name_, std::strerror(errno)}));
    if (pipe2(out, O_CLOEXEC) != 0) {
        close(in[0]);
        close(in[1]);
        return fail(Error(MessageId::KioskSimulatorFailed, {c->name_, std::strerror(errno)}));
    }
    std::vector<std::string> words{program};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    // fork rather than posix_spawn: the child asks to be stopped when the kiosk dies, even
    // by SIGKILL, so no simulator outlives it.
    const pid_t parent = getpid();
    c->pid_ = fork();
    if (c->pid_ == 0) {
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent) _exit(127);
        dup2(in[0], STDIN_FILENO);
        dup2(out[1], STDOUT_FILENO);
        if (log >= 0) dup2(log, STDERR_FILENO);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    const int spawn_errno = errno;
    if (log >= 0) close(log);
    const int rc = c->pid_ < 0 ? spawn_errno : 0;
    close(in[0]);
    close(out[1]);
    c->to_child_ = in[1];
    c->from_child_ = out[0];
    if (rc != 0) {
        c->pid_ = -1;
        return fail(Error(MessageId::KioskSimulatorFailed, {program, std::strerror(rc)}));
    }
    auto address = c->read_line();
    if (!address) return fail(address.error());
    c->address_ = *address;
    return c;
}

SimulatorChild::~SimulatorChild() {
    if (to_child_ >= 0) close(to_child_);
    if (from_child_ >= 0) close(from_child_);
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
    }
}

Result<std::string> SimulatorChild::read_line() {
    for (;;) {
        if (auto nl = buffered_.find('\n'); nl != std::string::npos) {
            std::string line = buffered_.substr(0, nl);
            buffered_.erase(0, nl + 1);
            return line;
        }
        pollfd p{from_child_, POLLIN, 0};
        if (poll(&p, 1, kAnswerTimeoutMs) <= 0)
            return fail(Error(MessageId::KioskSimulatorFailed, {name_, "no answer within 5 s"}));
        char buf[256];
        const ssize_t got = read(from_child_, buf, sizeof buf);
        if (got <= 0) return fail(Error(MessageId::KioskSimulatorFailed, {name_, "it closed its output"}));
        buffered_.append(buf, static_cast<std::size_t>(got));
    }
}

Result<std::string> SimulatorChild::command(const std::string& line) {
    std::lock_guard lock(mutex_);
    const std::string text = line + "\n";
    if (write(to_child_, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
        return fail(Error(MessageId::KioskSimulatorFailed, {name_, std::strerror(errno)}));
    auto answer = read_line();
    if (!answer) return answer;
    if (answer->rfind("error", 0) == 0)
        return fail(Error(MessageId::KioskSimulatorRefused, {name_, line, answer->substr(answer->find(' ') + 1)}));
    return answer;
}

}  // namespace custody::ui
