// custodyctl printers against a private cupsd (issue 6): the administrator sees the
// queues, which is the default, which take and print jobs, and which queue the reports
// use; a print server that is down is an environment failure with its message.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "tests/support/private_cupsd.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace custody::test {
namespace {

class CustodyctlPrintersTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(cupsd_.start());
        db_ = dir_.file("custody.db");
    }

    // custodyctl --db DB ARGS with the fixture's CUPS_SERVER; "zh" empties the locale
    // variables so that the default language is what the test sees.
    CommandResult ctl(const std::vector<std::string>& args, const std::string& lang) {
        std::vector<std::string> argv = {CUSTODYCTL_PATH, "--db", db_};
        std::map<std::string, std::string> env = {{"CUPS_SERVER", cupsd_.socket_path()}};
        if (lang == "zh") {
            for (const char* v : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) env[v] = "";
        } else {
            argv.insert(argv.end(), {"--lang", lang});
        }
        argv.insert(argv.end(), args.begin(), args.end());
        return run_command(argv, env);
    }

    testing::AssertionResult three_queues() {
        if (auto r = cupsd_.add_queue("archive", "档案室打印机"); !r) return r;
        if (auto r = cupsd_.add_queue("duty", "一楼值班室打印机"); !r) return r;
        if (auto r = cupsd_.add_queue("spare"); !r) return r;
        if (auto r = cupsd_.set_default("duty"); !r) return r;
        if (auto r = cupsd_.disable("spare", "卡纸"); !r) return r;
        return cupsd_.reject("archive", "维护中");
    }

    PrivateCupsd cupsd_;
    TempDir dir_;
    std::string db_;  // not created unless a test makes it
};

// The row of `name` in the table: the line starting with it.
std::string row_of(const std::string& out, const std::string& name) {
    for (std::size_t at = 0; at < out.size();) {
        auto end = out.find('\n', at);
        std::string line = out.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (line.rfind(name + " ", 0) == 0) return line;
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return {};
}

TEST_F(CustodyctlPrintersTest, ListsTheQueuesInChineseByDefault) {
    ASSERT_TRUE(three_queues());
    auto r = ctl({"printers"}, "zh");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* header : {"队列", "默认", "接受任务", "状态", "说明"}) EXPECT_NE(r.out.find(header), std::string::npos) << header;

    const std::string archive = row_of(r.out, "archive"), duty = row_of(r.out, "duty"), spare = row_of(r.out, "spare");
    EXPECT_NE(archive.find("否（维护中）"), std::string::npos) << r.out;
    EXPECT_NE(archive.find("就绪"), std::string::npos) << r.out;
    EXPECT_NE(archive.find("档案室打印机"), std::string::npos) << r.out;
    EXPECT_NE(duty.find("是"), std::string::npos) << r.out;
    EXPECT_NE(duty.find("一楼值班室打印机"), std::string::npos) << r.out;
    EXPECT_NE(spare.find("已暂停（卡纸）"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("报表打印队列：打印服务器默认队列 duty"), std::string::npos) << r.out;
}

TEST_F(CustodyctlPrintersTest, ListsTheQueuesInEnglishOnRequest) {
    ASSERT_TRUE(three_queues());
    auto r = ctl({"printers"}, "en");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* header : {"Queue", "Default", "Accepting", "State", "Description"})
        EXPECT_NE(r.out.find(header), std::string::npos) << header;
    EXPECT_NE(row_of(r.out, "archive").find("no (维护中)"), std::string::npos) << r.out;
    EXPECT_NE(row_of(r.out, "duty").find("yes"), std::string::npos) << r.out;
    EXPECT_NE(row_of(r.out, "spare").find("stopped (卡纸)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Reports print on the print server's default queue: duty"), std::string::npos) << r.out;
}

TEST_F(CustodyctlPrintersTest, NamesTheProfilesQueueAndFlagsOneThatIsMissing) {
    ASSERT_TRUE(three_queues());
    auto init = ctl({"init", "--slots", "4"}, "en");
    ASSERT_EQ(init.exit_code, 0) << init.err;
    auto set = ctl({"profile", "set", "print_queue", "archive"}, "en");
    ASSERT_EQ(set.exit_code, 0) << set.err;
    auto r = ctl({"printers"}, "zh");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("报表打印队列（配置项 print_queue）：archive\n"), std::string::npos) << r.out;

    ASSERT_EQ(ctl({"profile", "set", "print_queue", "frontdesk"}, "en").exit_code, 0);
    r = ctl({"printers"}, "en");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Reports print on (profile print_queue): frontdesk - no such queue"), std::string::npos) << r.out;
}

TEST_F(CustodyctlPrintersTest, SaysSoWhenTheServerHasNoQueues) {
    auto r = ctl({"printers"}, "en");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("No printer to print on"), std::string::npos) << r.out;
}

TEST_F(CustodyctlPrintersTest, AServerThatIsDownIsAnEnvironmentFailure) {
    ASSERT_TRUE(cupsd_.add_queue("duty"));
    ASSERT_TRUE(cupsd_.stop());

    auto zh = ctl({"printers"}, "zh");
    EXPECT_EQ(zh.exit_code, 4);
    EXPECT_NE(zh.err.find("无法连接打印服务（" + cupsd_.socket_path() + "）"), std::string::npos) << zh.err;
    EXPECT_EQ(zh.out, "");

    auto en = ctl({"printers"}, "en");
    EXPECT_EQ(en.exit_code, 4);
    EXPECT_NE(en.err.find("The print server cannot be reached (" + cupsd_.socket_path() + ")"), std::string::npos)
        << en.err;
}

}  // namespace
}  // namespace custody::test
