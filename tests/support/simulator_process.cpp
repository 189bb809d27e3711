#include "tests/support/simulator_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

extern char** environ;

namespace custody::test {

SimulatorProcess::SimulatorProcess(const std::string& program, const std::vector<std::string>& args)
    : name_(program.substr(program.rfind('/') + 1)) {
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    std::vector<std::string> argv_s{program};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    int rc = posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    close(out[1]);
    to_child_ = in[1];
    from_child_ = out[0];
    if (rc != 0) {
        pid_ = -1;
        throw std::runtime_error("cannot start " + program);
    }
    address_ = read_line();
}

SimulatorProcess::~SimulatorProcess() {
    if (pid_ > 0) kill_and_reap(SIGKILL);
    if (to_child_ >= 0) close(to_child_);
    if (from_child_ >= 0) close(from_child_);
}

int SimulatorProcess::tcp_port() const { return std::stoi(address_.substr(address_.rfind(':') + 1)); }

std::string SimulatorProcess::read_line() {
    for (;;) {
        auto nl = buffered_.find('\n');
        if (nl != std::string::npos) {
            std::string line = buffered_.substr(0, nl);
            buffered_.erase(0, nl + 1);
            return line;
        }
        pollfd p{from_child_, POLLIN, 0};
        // Generous: this only bounds a hung simulator, it is not a performance check.
        if (poll(&p, 1, 5000) <= 0) throw std::runtime_error(name_ + " did not answer");
        char buf[256];
        ssize_t got = read(from_child_, buf, sizeof buf);
        if (got <= 0) throw std::runtime_error(name_ + " closed its output");
        buffered_.append(buf, static_cast<std::size_t>(got));
    }
}

std::string SimulatorProcess::command(const std::string& line) {
    std::string text = line + "\n";
    if (write(to_child_, text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
        throw std::runtime_error("cannot write to " + name_);
    }
    return read_line();
}

int SimulatorProcess::kill_and_reap(int sig) {
    int status = 0;
    if (pid_ > 0) {
        ::kill(pid_, sig);
        waitpid(pid_, &status, 0);
        pid_ = -1;
    }
    return status;
}

}  // namespace custody::test
