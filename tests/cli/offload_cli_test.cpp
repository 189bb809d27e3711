// custodyctl return / offload / verify --archive as a custodian uses them, against a
// simulated camera (camera-sim, served by libgat947-sim.so through the real adapter)
// and the real archive folder beside the database (R12, R14, R15, R16).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/cli/cli_helpers.h"

namespace custody::test {
namespace {

namespace fs = std::filesystem;

class OffloadCli : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(make_small_agency(dir_, db()));
        auto out = ctl(db(), {"checkout", "--badge", "04A23B11"});
        ASSERT_EQ(out.exit_code, 0) << out.err;
        slot_ = sql_text(db(), "SELECT slot FROM custody_entries WHERE id=(SELECT max(id) FROM custody_entries);");
        serial_ = sql_text(db(), "SELECT d.serial FROM devices d JOIN custody_entries c ON c.device_id=d.id "
                                 "WHERE c.id=(SELECT max(id) FROM custody_entries);");
        const std::string cam = dir_.file("slot" + slot_);
        auto made = run_command({CAMERA_SIM_PATH, "init", cam, "--serial", serial_});
        ASSERT_EQ(made.exit_code, 0) << made.err;
        for (const char* name : {"VID0001.MP4", "VID0002.MP4"}) {
            fs::create_directories(cam + "/volume/DCIM/100MEDIA");
            auto f = run_command({"ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                                  "testsrc=duration=1:size=160x120:rate=10", "-c:v", "mpeg4",
                                  cam + "/volume/DCIM/100MEDIA/" + name});
            ASSERT_EQ(f.exit_code, 0) << f.err;
        }
        write_file(conf(), "[camera]\nlibrary = " GAT947_SIM_PATH "\npassword = 123456\nmount_timeout_ms = 0\n[slot." +
                               slot_ + "]\ninit_code = SIM-DSJ1@" + cam + "\nmount_path = " + cam + "/volume\n");
        cam_ = cam;
    }
    std::string db() const { return dir_.file("custody.db"); }
    std::string conf() const { return dir_.file("kiosk.conf"); }
    std::string archive() const { return dir_.file("archive"); }
    CommandResult returned() { return ctl(db(), {"return", "--device", serial_, "--slot", slot_, "--config", conf()}); }
    std::string job_folder() { return archive() + "/" + sql_text(db(), "SELECT archive_dir FROM offload_jobs;"); }

    TempDir dir_;
    std::string slot_, serial_, cam_;
};

TEST_F(OffloadCli, ReturnOffloadsTheDockedCameraAndPrintsTheJob_R14_R15) {
    auto r = returned();
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("Offloaded: " + serial_ + ", job 1, 2 files"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("verified, camera wiped"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(job_folder()), std::string::npos) << r.out;
    EXPECT_FALSE(fs::exists(cam_ + "/volume/DCIM/100MEDIA/VID0001.MP4"));
    auto sums = run_command({"sh", "-c", "cd '" + job_folder() + "' && sha256sum -c SHA256SUMS"});
    EXPECT_EQ(sums.exit_code, 0) << sums.out << sums.err;
    EXPECT_EQ(sql_text(db(), "SELECT status FROM devices WHERE serial='" + serial_ + "';"), "in_service");
    auto jobs = ctl(db(), {"offload", "jobs"}, "zh");
    EXPECT_NE(jobs.out.find("已完成"), std::string::npos) << jobs.out;
    auto v = ctl(db(), {"verify", "--archive"});
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
    EXPECT_NE(v.out.find("Archive intact: 2 files and 1 SHA256SUMS"), std::string::npos) << v.out;
    EXPECT_EQ(ctl(db(), {"verify"}).exit_code, 0);
}

TEST_F(OffloadCli, VerifyArchiveNamesAnAlteredAndAMissingFile_R12) {
    ASSERT_EQ(returned().exit_code, 0);
    const std::string one = job_folder() + "/DCIM/100MEDIA/VID0001.MP4";
    const std::string two = job_folder() + "/DCIM/100MEDIA/VID0002.MP4";
    fs::permissions(one, fs::perms::owner_write, fs::perm_options::add);
    {
        std::fstream f(one, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(100);
        f.put('\x7f');
    }
    fs::remove(two);
    auto v = ctl(db(), {"verify", "--archive"});
    EXPECT_EQ(v.exit_code, 3) << v.out << v.err;
    EXPECT_NE(v.out.find("VID0001.MP4 in the archive has been altered"), std::string::npos) << v.out;
    EXPECT_NE(v.out.find("VID0002.MP4 is missing from the archive"), std::string::npos) << v.out;
    EXPECT_NE(v.out.find("2 problems found"), std::string::npos) << v.out;
    auto zh = ctl(db(), {"verify", "--archive"}, "zh");
    EXPECT_NE(zh.out.find("已被改动"), std::string::npos) << zh.out;
}

TEST_F(OffloadCli, ACameraThatDoesNotAnswerAtReturnKeepsItsFootageUntilOffloadRuns_R15) {
    auto unplug = run_command({CAMERA_SIM_PATH, "fault", cam_, "unplug"});
    ASSERT_EQ(unplug.exit_code, 0) << unplug.err;
    auto r = returned();
    EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
    EXPECT_NE(r.out.find("Returned: " + serial_), std::string::npos) << r.out;
    EXPECT_TRUE(fs::exists(cam_ + "/volume/DCIM/100MEDIA/VID0001.MP4"));
    EXPECT_EQ(sql_text(db(), "SELECT status FROM devices WHERE serial='" + serial_ + "';"), "docked");

    // A camera that does not answer never had a job opened: the return is recorded and
    // the footage waits. Once it answers, `offload` carries on.
    ASSERT_EQ(run_command({CAMERA_SIM_PATH, "fault", cam_, "clear"}).exit_code, 0);
    fs::remove(cam_ + "/volume/DCIM/100MEDIA/VID0002.MP4");
    auto again = ctl(db(), {"offload", "--slot", slot_, "--config", conf()});
    ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
    EXPECT_NE(again.out.find("1 files"), std::string::npos) << again.out;
}

TEST_F(OffloadCli, AnArchiveThatCannotBeUsedStopsBeforeAnyJobAndTheCameraKeepsItsFiles) {
    write_file(archive(), "not a folder");
    auto r = returned();
    EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
    EXPECT_NE(r.err.find("The archive " + archive() + " cannot be used"), std::string::npos) << r.err;
    EXPECT_TRUE(fs::exists(cam_ + "/volume/DCIM/100MEDIA/VID0001.MP4"));
    fs::remove(archive());
    ASSERT_EQ(ctl(db(), {"offload", "--slot", slot_, "--config", conf()}).exit_code, 0);
    EXPECT_FALSE(fs::exists(cam_ + "/volume/DCIM/100MEDIA/VID0001.MP4"));
}

TEST_F(OffloadCli, AJobThatStopsMidWayShowsItsReasonOnTheDeviceListUntilRetried) {
    // A file where the year's folder must go: the copy cannot create its folder. The
    // next year too, in case the agency's day turns while the test runs.
    fs::create_directories(archive());
    const int year = std::stoi(run_command({"sh", "-c", "TZ=Asia/Shanghai date +%Y"}).out);
    for (int y : {year, year + 1}) write_file(archive() + "/" + std::to_string(y), "in the way");
    auto r = returned();
    EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
    EXPECT_NE(r.err.find("was not offloaded (job 1); nothing was deleted from the camera"), std::string::npos) << r.err;
    EXPECT_TRUE(fs::exists(cam_ + "/volume/DCIM/100MEDIA/VID0001.MP4"));
    auto devices = ctl(db(), {"devices"});
    EXPECT_NE(devices.out.find("offload failed: cannot write"), std::string::npos) << devices.out;
    auto zh = ctl(db(), {"devices"}, "zh");
    EXPECT_NE(zh.out.find("导出失败"), std::string::npos) << zh.out;
    auto jobs = ctl(db(), {"offload", "jobs"});
    EXPECT_NE(jobs.out.find("failed"), std::string::npos) << jobs.out;

    for (int y : {year, year + 1}) fs::remove(archive() + "/" + std::to_string(y));
    auto again = ctl(db(), {"offload", "--slot", slot_, "--config", conf()});
    ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
    EXPECT_NE(again.out.find("(resumed)"), std::string::npos) << again.out;
    EXPECT_EQ(sql_text(db(), "SELECT attempts FROM offload_jobs;"), "2");
    EXPECT_EQ(ctl(db(), {"devices"}).out.find("offload failed"), std::string::npos);
}

}  // namespace
}  // namespace custody::test
