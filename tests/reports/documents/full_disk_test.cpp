// A report saved onto a disk that fills up: a clear error, the report printed before it
// left as it was, no half-written file; once there is room the same report is saved
// (issue 6, non-negotiable 3: a full disk never loses data).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/archive/scratch_mount.h"
#include "tests/reports/documents/report_checks.h"
#include "tests/support/pdf_probe.h"
#include "tests/support/temp_dir.h"

namespace custody::test {
namespace {

namespace fs = std::filesystem;

TEST(ReportOnAFullDisk, IsRefusedLeavesTheOldReportAndSavesOnceThereIsRoom) {
    TempDir tmp;
    std::string why;
    auto disk = ScratchMount::tmpfs(tmp.path() / "disk", "size=1m", why);
    ASSERT_TRUE(disk) << why;
    const std::string out = (disk->path() / "ledger.pdf").string();
    { std::ofstream(out) << "yesterday's ledger"; }
    // Leave about 100 kB: less than the embedded font alone.
    const std::string filler = (disk->path() / "filler").string();
    {
        std::ofstream f(filler, std::ios::binary);
        const std::string block(4096, 'x');
        for (int i = 0; i < 225; ++i) f << block;
    }
    ASSERT_LT(fs::space(disk->path()).available, 200u * 1024);

    reports::ReportRequest r;
    r.kind = reports::ReportKind::Ledger;
    auto full = reports::make_report(REPORT_DEMO_DB, r, out, SystemClock().now());
    ASSERT_FALSE(full.ok());
    EXPECT_EQ(full.error().id, MessageId::ReportWriteFailed) << log_line(full.error());
    EXPECT_NE(render(full.error(), Lang::Zh).find(out), std::string::npos) << "the message names the file";
    std::ifstream in(out);
    std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(kept, "yesterday's ledger");
    EXPECT_FALSE(fs::exists(out + ".partial")) << "nothing half-written stays behind";

    fs::remove(filler);
    auto saved = reports::make_report(REPORT_DEMO_DB, r, out, SystemClock().now());
    ASSERT_TRUE(saved.ok()) << log_line(saved.error());
    EXPECT_NE(pdf_text_compact(out).find("执法记录仪使用台账"), std::string::npos);
    disk.reset();
}

}  // namespace
}  // namespace custody::test
