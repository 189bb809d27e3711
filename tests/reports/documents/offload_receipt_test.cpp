// The offload receipt 录像导出回执: who returned which camera, every file that came off it
// with its size, length and SHA-256, and whether the camera's copy was cleared (R15),
// on one A4 page.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "reports/report_text.h"
#include "tests/reports/documents/demo_copy.h"
#include "tests/reports/documents/form_checks.h"
#include "tests/reports/documents/report_checks.h"
#include "tests/support/pdf_probe.h"
#include "tests/support/raw_db.h"
#include "tests/support/run_command.h"
#include "tests/support/store_fixture.h"

namespace custody::test {
namespace {

using reports::ReportKind;
using reports::ReportRequest;

// Every file of the job is on the receipt, its camera path, size and whole hash in one row.
void expect_files_listed(const ReportFile& f, const std::string& db, const std::string& job) {
    const auto lines = layout_lines(f.path);
    const int files = std::stoi(db_text(db, "SELECT count(*) FROM recordings WHERE job_id = " + job));
    for (int i = 0; i < files; ++i) {
        const std::string row =
            "FROM recordings WHERE job_id = " + job + " ORDER BY id LIMIT 1 OFFSET " + std::to_string(i);
        const std::string path = db_text(db, "SELECT source_path " + row);
        const std::string sha = db_text(db, "SELECT sha256 " + row);
        const std::string size = reports::bytes_text(std::stoll(db_text(db, "SELECT bytes " + row)));
        auto line = std::find_if(lines.begin(), lines.end(),
                                 [&](const std::string& l) { return l.find(path) != std::string::npos; });
        ASSERT_NE(line, lines.end()) << path << "\n" << f.text;
        EXPECT_NE(line->find(size), std::string::npos) << *line;
        EXPECT_NE(line->find(sha), std::string::npos) << *line;
    }
}

TEST(OffloadReceiptReport, R15_ByDefaultTheNewestCompletedReturnWithItsFilesAndTheWipe) {
    const std::string db = REPORT_DEMO_DB;
    const std::string job = db_text(
        db, "SELECT id FROM offload_jobs WHERE state = 'complete' ORDER BY finished_at_ms DESC, id DESC LIMIT 1");
    TempDir dir;
    auto f = make_report_file(db, request_of(ReportKind::Receipt), dir.path().string(), "receipt");
    EXPECT_NE(f.compact.find("录像导出回执"), std::string::npos);
    EXPECT_NE(f.compact.find("导出任务" + job), std::string::npos);
    const std::string of_job =
        "FROM offload_jobs j JOIN devices d ON d.id = j.device_id "
        "LEFT JOIN custody_entries ret ON ret.id = j.return_entry_id "
        "LEFT JOIN officers o ON o.id = ret.officer_id WHERE j.id = " +
        job;
    EXPECT_NE(f.compact.find(db_text(db, "SELECT o.name || '（' || o.number || '）' " + of_job)), std::string::npos);
    EXPECT_NE(f.compact.find(db_text(db, "SELECT d.serial " + of_job)), std::string::npos);
    EXPECT_NE(f.compact.find(db_text(db, "SELECT d.serial || d.brand || d.model || j.slot " + of_job)),
              std::string::npos)
        << "device, brand and model, slot: " << f.text;
    EXPECT_NE(f.text.find(db_text(db, "SELECT " + local_time_sql("ret.at_ms") + " " + of_job)), std::string::npos);
    EXPECT_NE(f.text.find(db_text(db, "SELECT " + local_time_sql("j.finished_at_ms") + " " + of_job)),
              std::string::npos);
    const std::string count = db_text(db, "SELECT count(*) FROM recordings WHERE job_id = " + job);
    EXPECT_NE(f.compact.find("导出文件（" + count + "个"), std::string::npos);
    expect_files_listed(f, db, job);
    ASSERT_EQ(db_text(db, "SELECT count(*) FROM recordings WHERE job_id = " + job + " AND state <> 'wiped'"), "0");
    const std::string wiped =
        db_text(db, "SELECT " + local_time_sql("max(wiped_at_ms)") + " FROM recordings WHERE job_id = " + job);
    EXPECT_NE(f.compact.find(without_whitespace("已清除：设备上的 " + count + " 个文件于 " + wiped)), std::string::npos)
        << f.text;
    EXPECT_NE(f.compact.find("归还民警签名"), std::string::npos);
    EXPECT_EQ(f.made.finished.pages, 1);
    expect_page_frame(f, db);
    keep_sample(f, "receipt");
}

TEST(OffloadReceiptReport, R15_TheBusiestReturnFitsOnePageInEnglish) {
    const std::string db = REPORT_DEMO_DB;
    const std::string job =
        db_text(db, "SELECT job_id FROM recordings GROUP BY job_id ORDER BY count(*) DESC, job_id LIMIT 1");
    ReportRequest r = request_of(ReportKind::Receipt, Lang::En);
    r.job_id = std::stoll(job);
    TempDir dir;
    auto f = make_report_file(db, r, dir.path().string(), "receipt-en");
    EXPECT_NE(f.text.find("Offload receipt"), std::string::npos);
    EXPECT_NE(f.compact.find("Offloadjob" + job), std::string::npos);
    expect_files_listed(f, db, job);
    EXPECT_NE(f.compact.find("Cleared:"), std::string::npos);
    EXPECT_EQ(f.compact.find("已清除"), std::string::npos);
    EXPECT_EQ(f.made.finished.pages, 1);
    expect_page_frame(f, db);
}

TEST(OffloadReceiptReport, R15_AnOffloadThatStoppedSaysPlainlyTheCameraWasNotCleared) {
    TempDir dir;
    const std::string db = copy_demo_db(dir);
    const std::string sha(64, 'b');
    {
        // The next return of a camera whose offload stopped with one file in the archive
        // and one still on the camera.
        RawDb raw(db);
        raw.must(
            "INSERT INTO offload_jobs(device_id, slot, return_entry_id, checkout_entry_id, started_at_ms, state, "
            "archive_dir, failure_code, failure_zh, failure_en, attempts) "
            "SELECT device_id, slot, return_entry_id, checkout_entry_id, started_at_ms + 60000, 'failed', "
            "'stopped/1', 'ArchiveFull', '存档磁盘已满', 'the archive disk is full', 2 "
            "FROM offload_jobs ORDER BY id DESC LIMIT 1");
        raw.must(
            "INSERT INTO recordings(job_id, device_id, source_path, bytes, state, sha256, archive_path) "
            "SELECT max(j.id), j.device_id, 'DCIM/100MEDIA/KEPT0001.WAV', 40000, 'committed', '" +
            sha + "', 'stopped/1/KEPT0001.WAV' FROM offload_jobs j");
        raw.must(
            "INSERT INTO recordings(job_id, device_id, source_path, bytes, state) "
            "SELECT max(j.id), j.device_id, 'DCIM/100MEDIA/LEFT0002.WAV', 50000, 'pending' FROM offload_jobs j");
    }
    ReportRequest r = request_of(ReportKind::Receipt);
    r.job_id = std::stoll(db_text(db, "SELECT max(id) FROM offload_jobs"));
    auto f = make_report_file(db, r, dir.path().string(), "stopped");
    EXPECT_NE(f.compact.find("导出失败：存档磁盘已满（第2次）"), std::string::npos) << f.text;
    EXPECT_NE(f.compact.find("未清除"), std::string::npos);
    EXPECT_NE(f.compact.find("待复制1个，已入库1个"), std::string::npos) << f.text;
    EXPECT_EQ(f.compact.find("已清除"), std::string::npos);
    EXPECT_NE(f.compact.find(sha), std::string::npos);
    EXPECT_NE(f.compact.find("LEFT0002.WAV50.0kB"), std::string::npos);

    r.lang = Lang::En;
    auto en = make_report_file(db, r, dir.path().string(), "stopped-en");
    EXPECT_NE(en.compact.find("Notcleared:"), std::string::npos) << en.text;
    EXPECT_NE(en.compact.find("thearchivediskisfull"), std::string::npos);
}

TEST(OffloadReceiptReport, R13_AGapBeyondTheLimitAsksForTheInterruptionRecordOrNamesIt) {
    const std::string db = REPORT_DEMO_DB;
    const std::string owed =
        db_text(db,
                "SELECT j.id FROM offload_jobs j WHERE j.interruption_needed = 1 AND NOT EXISTS "
                "(SELECT 1 FROM interruption_records i WHERE i.job_id = j.id) ORDER BY j.id DESC LIMIT 1");
    const std::string made = db_text(db, "SELECT job_id FROM interruption_records ORDER BY id DESC LIMIT 1");
    ASSERT_FALSE(owed.empty());
    ASSERT_FALSE(made.empty());
    TempDir dir;
    ReportRequest r = request_of(ReportKind::Receipt);
    r.job_id = std::stoll(owed);
    auto f = make_report_file(db, r, dir.path().string(), "owed");
    EXPECT_NE(f.compact.find("须补填执法记录中断情况说明"), std::string::npos) << f.text;
    r.job_id = std::stoll(made);
    auto g = make_report_file(db, r, dir.path().string(), "made");
    EXPECT_NE(
        g.compact.find("已填写执法记录中断情况说明（编号" +
                       db_text(db, "SELECT group_concat(id, ', ') FROM interruption_records WHERE job_id = " + made)),
        std::string::npos)
        << g.text;
}

TEST(OffloadReceiptReport, UnknownJobsAndAKioskWithoutOffloadsAreRefused) {
    ReportRequest r = request_of(ReportKind::Receipt);
    r.job_id = std::stoll(db_text(REPORT_DEMO_DB, "SELECT max(id) + 1 FROM offload_jobs"));
    expect_refused(REPORT_DEMO_DB, r, MessageId::JobUnknown);
    StoreFixture fx;
    fx.register_agency();
    fx.close();
    expect_refused(fx.db_path(), request_of(ReportKind::Receipt), MessageId::ReportNoOffload);
}

TEST(OffloadReceiptReport, CustodyctlMakesItWithOnlyOut) {
    TempDir dir;
    auto r = run_command({CUSTODYCTL_PATH, "--db", REPORT_DEMO_DB, "report", "receipt", "--out", dir.file("r.pdf")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(pdf_pages(dir.file("r.pdf")), 1);
    auto job = run_command({CUSTODYCTL_PATH, "--db", REPORT_DEMO_DB, "report", "receipt", "--job",
                            db_text(REPORT_DEMO_DB, "SELECT min(id) FROM offload_jobs"), "--out", dir.file("j.pdf")});
    EXPECT_EQ(job.exit_code, 0) << job.err;
}

}  // namespace
}  // namespace custody::test
