// custodyctl report --print: the report made, printed on a real cupsd of the test's own,
// and its printing recorded in the audit chain, which still verifies (issue 6).
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "tests/reports/documents/demo_copy.h"
#include "tests/reports/documents/report_checks.h"
#include "tests/support/private_cupsd.h"
#include "tests/support/run_command.h"

namespace custody::test {
namespace {

TEST(PrintReportCli, PrintsOnTheDefaultQueueAndRecordsItInTheAuditChain) {
    TempDir dir;
    const std::string db = copy_demo_db(dir);
    PrivateCupsd cupsd;
    ASSERT_TRUE(cupsd.start());
    ASSERT_TRUE(cupsd.add_queue("duty", "值班室"));
    ASSERT_TRUE(cupsd.set_default("duty"));

    auto r = run_command({CUSTODYCTL_PATH, "--db", db, "report", "receipt", "--out", dir.file("r.pdf"), "--print"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("已打印"), std::string::npos) << r.out;
    bool arrived = false;
    for (int i = 0; i < 600 && !arrived; ++i) {
        arrived = std::filesystem::exists(cupsd.output_path("duty")) && std::filesystem::file_size(cupsd.output_path("duty")) > 0;
        if (!arrived) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_TRUE(arrived) << cupsd.error_log();
    EXPECT_NE(cupsd.read_output("duty").find("%PDF"), std::string::npos);

    const std::string id = db_text(db, "SELECT subject FROM audit_log WHERE action = 'report_printed'");
    EXPECT_EQ(id.substr(0, 3), "HZ-") << "the receipt's document id";
    EXPECT_NE(r.out.find(id), std::string::npos) << "the id custodyctl reported";
    EXPECT_NE(db_text(db, "SELECT detail FROM audit_log WHERE action = 'report_printed'").find("queue=duty"),
              std::string::npos);
    auto verify = run_command({CUSTODYCTL_PATH, "--db", db, "verify"});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;

    // An unknown queue: the report is saved, nothing is printed or recorded as printed.
    auto bad = run_command({CUSTODYCTL_PATH, "--db", db, "--lang", "en", "report", "ledger", "--out",
                            dir.file("l.pdf"), "--print", "nosuch"});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("There is no print queue \"nosuch\""), std::string::npos) << bad.err;
    EXPECT_NE(bad.err.find("duty"), std::string::npos) << "names the queues there are";
    EXPECT_TRUE(std::filesystem::exists(dir.file("l.pdf")));
    EXPECT_EQ(db_text(db, "SELECT count(*) FROM audit_log WHERE action = 'report_printed'"), "1");
}

}  // namespace
}  // namespace custody::test
