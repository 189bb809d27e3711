// R16: the archive is laid out so that a person finds footage without the program.
#include <gtest/gtest.h>

#include "kiosk/core/agency_time.h"
#include "kiosk/core/archive_layout.h"

namespace custody {
namespace {

TEST(ArchiveLayout, JobFolderIsTheAgencyLocalDayThenSerialThenJob) {
    ASSERT_TRUE(apply_time_zone("Asia/Shanghai").ok());
    auto t = parse_local("2026-11-30 23:30");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(job_folder(*t, "DSJ0001", 42), "2026/11/30/DSJ0001/42");
    // 00:30 local is still the previous day in UTC: the folder follows the agency's day.
    auto after_midnight = parse_local("2026-12-01 00:30");
    ASSERT_TRUE(after_midnight.has_value());
    EXPECT_EQ(job_folder(*after_midnight, "DSJ0001", 43), "2026/12/01/DSJ0001/43");
}

TEST(ArchiveLayout, CameraPathsKeepTheirFoldersBelowTheJob) {
    EXPECT_EQ(archive_path_in_job("2026/11/30/DSJ0001/42", "DCIM/100MEDIA/VID0001.MP4"),
              "2026/11/30/DSJ0001/42/DCIM/100MEDIA/VID0001.MP4");
}

TEST(ArchiveLayout, PathsThatCouldLeaveTheJobFolderAreRefused) {
    for (const char* bad : {"", "/etc/passwd", "../x", "DCIM/../../x", "DCIM//x", "DCIM/./x", "a\nb", "a\\b",
                            "SHA256SUMS", "DCIM/"}) {
        EXPECT_FALSE(archive_path_in_job("2026/11/30/D/1", bad).has_value()) << bad;
    }
}

}  // namespace
}  // namespace custody
