// custodyctl status as a monitoring check reads it: one line per item marked OK or
// ATTENTION, exit 0 when all is well, 5 when something needs a person, 4 when the
// database cannot be opened. A badge reader or cabinet that is not configured counts as
// OK unless --require-hardware says this machine is a kiosk that must have them.
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <regex>

#include "tests/cli/cli_helpers.h"
#include "tests/support/simulator_process.h"

namespace custody::test {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    for (std::size_t p = 0, nl; (nl = text.find('\n', p)) != std::string::npos; p = nl + 1)
        lines.push_back(text.substr(p, nl - p));
    return lines;
}

// The line about `what` ("Badge reader", "Cabinet", ...), empty when there is none.
std::string line_about(const std::string& out, const std::string& what) {
    for (const auto& l : lines_of(out))
        if (contains(l, "] " + what)) return l;
    return "";
}

class StatusTest : public ::testing::Test {
protected:
    std::string db() const { return dir_.file("custody.db"); }
    std::string conf() const { return dir_.file("kiosk.conf"); }
    std::string archive() const { return dir_.file("archive"); }
    // Always with a kiosk.conf of the test's own (absent unless written), so the machine's
    // /etc/custody-kiosk/kiosk.conf never decides a result.
    CommandResult status(std::vector<std::string> extra = {}, const std::string& lang = "en") {
        std::vector<std::string> args = {"--archive", archive(), "status", "--config", conf()};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_command(
            [&] {
                std::vector<std::string> argv{CUSTODYCTL_PATH, "--db", db()};
                if (lang == "en") argv.insert(argv.end(), {"--lang", "en"});
                argv.insert(argv.end(), args.begin(), args.end());
                return argv;
            }(),
            {{"CUSTODY_DB", ""}, {"CUSTODY_KEY", ""}, {"LIBNFC_AUTO_SCAN", "false"}, {"LANGUAGE", ""}, {"LC_ALL", ""},
             {"LC_MESSAGES", ""}, {"LANG", ""}});
    }
    TempDir dir_;
};

TEST_F(StatusTest, AHealthySmallAgencyWithoutHardwareIsAllOk) {
    ASSERT_TRUE(make_small_history(dir_, db()));
    auto r = status();
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    const auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 7u) << r.out;  // database, offload, overdue, reader, cabinet, disk, summary
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) EXPECT_EQ(lines[i].rfind("[OK] ", 0), 0u) << lines[i];
    EXPECT_EQ(lines.back(), "All OK.");
    const auto head = sql_int(db(), "SELECT max(seq) FROM audit_log;");
    EXPECT_TRUE(contains(line_about(r.out, "Database"), "audit chain head at entry " + std::to_string(head)))
        << r.out;
    EXPECT_TRUE(contains(line_about(r.out, "Badge reader"), "not configured")) << r.out;
    EXPECT_TRUE(contains(line_about(r.out, "Cabinet"), "not configured")) << r.out;
    EXPECT_TRUE(contains(line_about(r.out, "Overdue"), "none")) << r.out;

    auto zh = status({}, "zh");
    EXPECT_EQ(zh.exit_code, 0);
    EXPECT_TRUE(contains(zh.out, "[正常] 数据库")) << zh.out;
    EXPECT_TRUE(contains(zh.out, "全部正常")) << zh.out;
}

TEST_F(StatusTest, AKioskThatMustHaveItsHardwareNeedsAttentionWithoutIt) {
    ASSERT_TRUE(make_small_agency(dir_, db()));
    auto r = status({"--require-hardware"});
    EXPECT_EQ(r.exit_code, 5) << r.out << r.err;
    EXPECT_EQ(line_about(r.out, "Badge reader: not configured").rfind("[ATTENTION] ", 0), 0u) << r.out;
    EXPECT_EQ(line_about(r.out, "Cabinet: not configured").rfind("[ATTENTION] ", 0), 0u) << r.out;
    EXPECT_TRUE(contains(r.out, "Needing attention: 2.")) << r.out;
}

TEST_F(StatusTest, AnOverdueDeviceNeedsAttention_R14) {
    ASSERT_EQ(ctl(db(), {"--archive", archive(), "demo", "--days", "7"}).exit_code, 0);
    auto csv = parse_csv_output(ctl(db(), {"overdue", "--format", "csv"}).out);
    ASSERT_GE(csv.size(), 2u) << "the demo keeps a camera out past the deadline";
    auto r = status();
    EXPECT_EQ(r.exit_code, 5) << r.out << r.err;
    const std::string line = line_about(r.out, "Overdue for offload");
    EXPECT_EQ(line.rfind("[ATTENTION] ", 0), 0u) << r.out;
    EXPECT_TRUE(contains(line, csv[1][0])) << line;
    EXPECT_EQ(line_about(r.out, "Database").rfind("[OK] ", 0), 0u) << r.out;
}

TEST_F(StatusTest, AStoppedOffloadJobNeedsAttention_R14) {
    ASSERT_TRUE(make_small_agency(dir_, db()));
    ASSERT_EQ(ctl(db(), {"checkout", "--badge", "04A23B11"}).exit_code, 0);
    const std::string slot = sql_text(db(), "SELECT slot FROM custody_entries WHERE id=1;");
    const std::string serial =
        sql_text(db(), "SELECT d.serial FROM devices d JOIN custody_entries c ON c.device_id=d.id WHERE c.id=1;");
    const std::string cam = dir_.file("slot" + slot);
    ASSERT_EQ(run_command({CAMERA_SIM_PATH, "init", cam, "--serial", serial}).exit_code, 0);
    fs::create_directories(cam + "/volume/DCIM/100MEDIA");
    auto made = run_command({"ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                             "testsrc=size=160x120", "-frames:v", "1", cam + "/volume/DCIM/100MEDIA/IMG0001.JPG"});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    write_file(conf(), "[camera]\nlibrary = " GAT947_SIM_PATH "\npassword = 123456\nmount_timeout_ms = 0\n[slot." + slot +
                           "]\ninit_code = SIM-DSJ1@" + cam + "\nmount_path = " + cam + "/volume\n");
    // A file where the year's folder must go: the copy cannot make it, the job stops. The
    // next year too, in case the agency's day turns while the test runs.
    fs::create_directories(archive());
    const int year = std::stoi(run_command({"sh", "-c", "TZ=Asia/Shanghai date +%Y"}).out);
    for (int y : {year, year + 1}) write_file(archive() + "/" + std::to_string(y), "in the way");
    auto back = ctl(db(), {"--archive", archive(), "return", "--device", serial, "--slot", slot, "--config", conf()});
    ASSERT_EQ(back.exit_code, 4) << back.out << back.err;
    ASSERT_EQ(sql_text(db(), "SELECT state FROM offload_jobs;"), "failed");

    auto r = status();
    EXPECT_EQ(r.exit_code, 5) << r.out << r.err;
    const std::string line = line_about(r.out, "Footage offload stopped");
    EXPECT_EQ(line.rfind("[ATTENTION] Footage offload stopped: 1 (job 1 " + serial + " slot " + slot + ": ", 0), 0u)
        << r.out;
}

TEST_F(StatusTest, FreeSpaceBelowTheThresholdNeedsAttention) {
    ASSERT_TRUE(make_small_agency(dir_, db()));
    // More than any disk this test runs on holds.
    auto r = status({"--min-free-mb", "1000000000000"});
    EXPECT_EQ(r.exit_code, 5) << r.out << r.err;
    const std::string line = line_about(r.out, "Archive disk");
    EXPECT_EQ(line.rfind("[ATTENTION] ", 0), 0u) << r.out;
    EXPECT_TRUE(contains(line, "below the threshold of 1000000000000 MB")) << line;
    auto none = status({"--min-free-mb", "0"});
    EXPECT_EQ(none.exit_code, 0) << none.out;
    EXPECT_TRUE(contains(line_about(none.out, "Archive disk"), "threshold 0 MB")) << none.out;
    EXPECT_EQ(status({"--min-free-mb", "lots"}).exit_code, 2);
}

TEST_F(StatusTest, TheCabinetLineReadsTheBoardsSerial) {
    ASSERT_TRUE(make_small_agency(dir_, db()));
    SimulatorProcess cab(CABINET_SIM_PATH, {"--slots", "4", "--tcp", "127.0.0.1:0", "--serial", "CAB-STATUS-9"});
    write_file(conf(), "[cabinet]\nlink = " + cab.address() + "\ntimeout_ms = 500\n");
    auto r = status();
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    const std::string line = line_about(r.out, "Cabinet");
    EXPECT_EQ(line.rfind("[OK] Cabinet " + cab.address() + ": serial CAB-STATUS-9, firmware ", 0), 0u) << r.out;
    EXPECT_TRUE(line.size() > 9 && line.compare(line.size() - 9, 9, ", 4 slots") == 0) << line;

    cab.kill_and_reap(SIGKILL);
    auto gone = status();
    EXPECT_EQ(gone.exit_code, 5) << gone.out;
    EXPECT_TRUE(contains(line_about(gone.out, "Cabinet"), "does not answer")) << gone.out;
    EXPECT_EQ(line_about(gone.out, "Cabinet").rfind("[ATTENTION] ", 0), 0u) << gone.out;
}

TEST_F(StatusTest, TheBadgeReaderIsLookedForWhereKioskConfSaysItIs) {
    ASSERT_TRUE(make_small_agency(dir_, db()));
    SimulatorProcess badge(BADGE_SIM_PATH, {});
    const std::string there = "pn532_uart:" + badge.address() + ":115200";
    write_file(conf(), "[reader]\nconnstring = " + there + "\n");
    auto r = status();
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_EQ(line_about(r.out, "Badge reader"), "[OK] Badge reader " + there + ": present and accessible") << r.out;

    const std::string missing = "pn532_uart:" + dir_.file("no-such-tty") + ":115200";
    write_file(conf(), "[reader]\nconnstring = " + missing + "\n");
    auto gone = status();
    EXPECT_EQ(gone.exit_code, 5) << gone.out;
    EXPECT_EQ(line_about(gone.out, "Badge reader").rfind("[ATTENTION] Badge reader " + missing + ": unavailable", 0), 0u)
        << gone.out;
}

TEST_F(StatusTest, AHeadAnchorThatDoesNotMatchNeedsAttention) {
    ASSERT_TRUE(make_small_history(dir_, db()));
    fs::remove(db() + ".head");
    auto r = status();
    EXPECT_EQ(r.exit_code, 5) << r.out << r.err;
    const std::string line = line_about(r.out, "Database");
    EXPECT_EQ(line.rfind("[ATTENTION] ", 0), 0u) << r.out;
    EXPECT_TRUE(contains(line, "head anchor file " + db() + ".head is missing")) << line;
    EXPECT_TRUE(contains(line, "run custodyctl verify")) << line;
}

TEST_F(StatusTest, ADatabaseThatCannotBeOpenedExitsFour) {
    auto r = status();
    EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
    EXPECT_EQ(line_about(r.out, "Database").rfind("[ATTENTION] Database " + db() + ": ", 0), 0u) << r.out;
    // The rest still reports: a monitoring check sees the disk even without a database.
    EXPECT_FALSE(line_about(r.out, "Archive disk").empty()) << r.out;
}

TEST_F(StatusTest, TheHelpDocumentsTheAttentionExitCode) {
    auto en = ctl(db(), {"--help"});
    EXPECT_TRUE(contains(en.out, "5 status found something that needs attention")) << en.out;
    EXPECT_TRUE(contains(en.out, "--require-hardware")) << en.out;
    auto zh = ctl(db(), {"--help"}, "zh");
    EXPECT_TRUE(contains(zh.out, "5 status 发现需要注意的项")) << zh.out;
}

}  // namespace
}  // namespace custody::test
