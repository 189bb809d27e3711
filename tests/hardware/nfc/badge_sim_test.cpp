// badge-sim and libnfc's own nfc-list tool, both as real programs.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "tests/support/run_command.h"

namespace {

// badge-sim with pipes on stdin and stdout, killed and reaped at the end of the test.
class BadgeSim {
public:
    explicit BadgeSim(std::vector<std::string> args) {
        int in[2], out[2];
        if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC)) throw std::runtime_error("pipe");
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_adddup2(&fa, in[0], 0);
        posix_spawn_file_actions_adddup2(&fa, out[1], 1);
        args.insert(args.begin(), BADGE_SIM_PATH);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        int rc = posix_spawn(&pid_, BADGE_SIM_PATH, &fa, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&fa);
        close(in[0]);
        close(out[1]);
        if (rc != 0) throw std::runtime_error("cannot start badge-sim");
        to_ = fdopen(in[1], "w");
        from_ = fdopen(out[0], "r");
    }
    ~BadgeSim() {
        fclose(to_);
        fclose(from_);
        ::kill(pid_, SIGKILL);
        int st = 0;
        waitpid(pid_, &st, 0);
    }
    std::string line() {
        char buf[256];
        if (!fgets(buf, sizeof buf, from_)) return "<eof>";
        std::string s = buf;
        if (!s.empty() && s.back() == '\n') s.pop_back();
        return s;
    }
    std::string command(const std::string& c) {
        fputs((c + "\n").c_str(), to_);
        fflush(to_);
        return line();
    }

private:
    pid_t pid_ = -1;
    FILE* to_ = nullptr;
    FILE* from_ = nullptr;
};

std::string nfc_list(const std::string& path) {
    auto r = custody::test::run_command({"/usr/bin/nfc-list"}, {{"LIBNFC_DEVICE", "pn532_uart:" + path + ":115200"},
                                                                {"LIBNFC_AUTO_SCAN", "false"}});
    return r.out + r.err;
}

TEST(BadgeSim, NfcListShowsTheUid) {
    BadgeSim sim({"--uid", "04A23B11"});
    const std::string path = sim.line();
    ASSERT_EQ(path.rfind("/dev/pts/", 0), 0u) << path;
    const std::string out = nfc_list(path);
    // nfc-list prints "UID (NFCID1): 04  a2  3b  11".
    EXPECT_NE(out.find("04  a2  3b  11"), std::string::npos) << out;
}

TEST(BadgeSim, TapAndRemoveOnStdin) {
    BadgeSim sim({});
    const std::string path = sim.line();
    ASSERT_EQ(path.rfind("/dev/pts/", 0), 0u) << path;
    EXPECT_EQ(sim.command("tap 04:11:22:33:44:55:66"), "ok");
    EXPECT_NE(nfc_list(path).find("04  11  22  33  44  55  66"), std::string::npos);
    EXPECT_EQ(sim.command("remove"), "ok");
    EXPECT_EQ(nfc_list(path).find("04  11  22  33  44  55  66"), std::string::npos);
    EXPECT_EQ(sim.command("tap nonsense"), "error not a 4, 7 or 10-byte UID");
    EXPECT_EQ(sim.command("jump"), "error unknown command jump");
}

}  // namespace
