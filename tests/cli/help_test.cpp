// custodyctl documents its commands and exit codes, in Chinese by default and in English.
#include <gtest/gtest.h>

#include "tests/support/run_command.h"

using custody::test::run_command;

TEST(CustodyctlHelp, ChineseByDefaultListsEveryCommandAndExitCodes) {
    auto r = run_command({CUSTODYCTL_PATH, "--help"}, {{"LANG", "zh_CN.UTF-8"}, {"LANGUAGE", ""}, {"LC_ALL", ""}});
    EXPECT_EQ(r.exit_code, 0);
    for (const char* cmd : {"init", "import", "checkout", "return", "ledger", "overdue", "verify", "demo"})
        EXPECT_NE(r.out.find(std::string("  ") + cmd), std::string::npos) << cmd;
    EXPECT_NE(r.out.find("退出码"), std::string::npos);
}

TEST(CustodyctlHelp, EnglishOnRequest) {
    auto r = run_command({CUSTODYCTL_PATH, "--lang", "en", "--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
}

TEST(CustodyctlHelp, UnknownCommandIsAUsageError) {
    auto r = run_command({CUSTODYCTL_PATH, "--lang", "en", "frobnicate"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("unknown command frobnicate"), std::string::npos);
}
