// Log lines reach journald as structured entries: the real libsystemd sends them over the
// journal's native protocol to /run/systemd/journal/socket. The test receives them there,
// in a private mount namespace whose /run is its own, so the machine's journal (if any)
// never sees them.
#include <gtest/gtest.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <string>

#include "kiosk/service/journal_sink.h"

namespace custody::service {
namespace {

TEST(JournalFields, CarryOnlyTheFieldsThatAreKnown) {
    const auto all = journal_fields(LogLevel::Warning, "offload of slot 3 stopped",
                                    LogFields{}.at_slot(3).of_device("DSJ0042").by_officer("010001").in_job(17));
    EXPECT_EQ(all, (std::vector<std::string>{"MESSAGE=offload of slot 3 stopped", "PRIORITY=4", "CUSTODY_SLOT=3",
                                             "CUSTODY_DEVICE=DSJ0042", "CUSTODY_OFFICER=010001", "CUSTODY_JOB=17"}));
    EXPECT_EQ(journal_fields(LogLevel::Error, "x", {}), (std::vector<std::string>{"MESSAGE=x", "PRIORITY=3"}));
    EXPECT_EQ(journal_fields(LogLevel::Info, "x", LogFields{}.by_officer("020001")),
              (std::vector<std::string>{"MESSAGE=x", "PRIORITY=6", "CUSTODY_OFFICER=020001"}));
}

TEST(LogFields, TextLogsShowThemToo) {
    EXPECT_EQ(fields_suffix(LogFields{}.at_slot(2).of_device("D1")), " [slot=2 device=D1]");
    EXPECT_EQ(fields_suffix({}), "");
}

// Runs in a child: its own mount namespace, a tmpfs on /run, a datagram socket where
// journald's would be. Writes what arrived to `out_fd`, exits 0 on success.
[[noreturn]] void receive_one_entry(int out_fd, const std::string& line, const LogFields& fields) {
    auto die = [](const char* what) {
        std::perror(what);
        _exit(2);
    };
    if (unshare(CLONE_NEWNS) != 0) die("unshare");
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) die("mount private");
    if (mount("tmpfs", "/run", "tmpfs", 0, "size=1m") != 0) die("mount /run");
    std::filesystem::create_directories("/run/systemd/journal");
    int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strcpy(addr.sun_path, "/run/systemd/journal/socket");
    if (bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) die("bind");
    timeval tv{10, 0};
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    journal_sink(LogLevel::Warning, line, fields);
    char buf[4096];
    const ssize_t n = recv(s, buf, sizeof buf, 0);
    if (n <= 0) die("recv");
    if (write(out_fd, buf, static_cast<size_t>(n)) != n) die("write");
    _exit(0);
}

TEST(JournalSink, SendsAStructuredEntryOverTheJournalProtocol) {
    int pipe_fds[2];
    ASSERT_EQ(pipe(pipe_fds), 0);
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        close(pipe_fds[0]);
        receive_one_entry(pipe_fds[1], "docking in slot 5 failed: 柜位无响应",
                          LogFields{}.at_slot(5).of_device("DSJ0007").in_job(9));
    }
    close(pipe_fds[1]);
    std::string got;
    char buf[4096];
    for (ssize_t n; (n = read(pipe_fds[0], buf, sizeof buf)) > 0;) got.append(buf, static_cast<size_t>(n));
    close(pipe_fds[0]);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the child could not receive the entry";
    // The native protocol: one NAME=value line per field.
    EXPECT_NE(got.find("MESSAGE=docking in slot 5 failed: 柜位无响应\n"), std::string::npos) << got;
    EXPECT_NE(got.find("PRIORITY=4\n"), std::string::npos) << got;
    EXPECT_NE(got.find("CUSTODY_SLOT=5\n"), std::string::npos) << got;
    EXPECT_NE(got.find("CUSTODY_DEVICE=DSJ0007\n"), std::string::npos) << got;
    EXPECT_NE(got.find("CUSTODY_JOB=9\n"), std::string::npos) << got;
    EXPECT_EQ(got.find("CUSTODY_OFFICER="), std::string::npos) << "no officer was named: " << got;
}

TEST(JournalSink, IsUsedOnlyWhenSystemdGaveTheProcessAJournalStream) {
    unsetenv("JOURNAL_STREAM");
    EXPECT_FALSE(started_by_journald_unit());
    EXPECT_FALSE(log_to_journal_under_systemd());
    setenv("JOURNAL_STREAM", "8:12345", 1);
    EXPECT_TRUE(started_by_journald_unit());
    unsetenv("JOURNAL_STREAM");
}

}  // namespace
}  // namespace custody::service
