// The evidence record form 《同步录音录像摄录情况记录表》 (R21) as a PDF: officers and the
// recording person from the checkout (R10), start and end from the files' own times,
// place left to the officers when not given, device, format, length, every file with its
// SHA-256, and the boxes for the officers, the unit head and the seal.
#include <gtest/gtest.h>

#include <filesystem>

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

// The demo's zone is Asia/Shanghai, eight hours ahead of UTC all year.
// The recordings an export of `case_number` holds, as SQL's WHERE.
std::string case_files(const std::string& case_number) {
    return "FROM recordings r WHERE r.case_number = '" + case_number +
           "' AND r.state IN ('committed', 'wiped') AND r.purged_at_ms IS NULL";
}

std::string base_name(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

TEST(EvidenceFormReport, R21_ByDefaultFillsTheNewestExportedCaseFromItsFilesAndCheckout) {
    const std::string db = REPORT_DEMO_DB;
    const std::string case_number =
        db_text(db, "SELECT case_number FROM evidence_exports ORDER BY made_at_ms DESC, id DESC LIMIT 1");
    ASSERT_FALSE(case_number.empty()) << "the demo exports a case";
    TempDir dir;
    auto f = make_report_file(db, request_of(ReportKind::EvidenceForm), dir.path().string(), "evidence-form");
    EXPECT_NE(f.compact.find("同步录音录像摄录情况记录表"), std::string::npos);
    EXPECT_NE(f.compact.find("案件编号" + case_number), std::string::npos) << f.text;

    const std::string files = case_files(case_number);
    const std::string count = db_text(db, "SELECT count(*) " + files);
    ASSERT_NE(count, "0");
    EXPECT_NE(f.compact.find("录音录像文件（" + count + "个"), std::string::npos);
    for (int i = 0; i < std::stoi(count); ++i) {
        const std::string at = " ORDER BY r.id LIMIT 1 OFFSET " + std::to_string(i);
        const std::string sha = db_text(db, "SELECT r.sha256 " + files + at);
        ASSERT_EQ(sha.size(), 64u);
        EXPECT_NE(f.compact.find(sha), std::string::npos) << "file " << i << " with its whole SHA-256";
        EXPECT_NE(f.compact.find(base_name(db_text(db, "SELECT r.source_path " + files + at))), std::string::npos);
    }
    // The device, and the officers of the checkout the offload closed (R10).
    const std::string by_job =
        "FROM recordings r JOIN offload_jobs j ON j.id = r.job_id JOIN devices d ON d.id = r.device_id "
        "JOIN custody_entries c ON c.id = j.checkout_entry_id JOIN officers o ON o.id = c.officer_id "
        "WHERE r.case_number = '" +
        case_number + "' ORDER BY r.id LIMIT 1";
    EXPECT_NE(f.compact.find(db_text(db, "SELECT d.serial " + by_job)), std::string::npos);
    EXPECT_NE(f.compact.find(without_whitespace(db_text(db, "SELECT d.brand || d.model " + by_job))),
              std::string::npos);
    const std::string officer = db_text(db, "SELECT o.name || '（' || o.number || '）' " + by_job);
    EXPECT_NE(f.compact.find("执法人员摄录人" + officer), std::string::npos) << f.text;
    // Start and end from the files: the kiosk-corrected start, plus the length.
    const std::string start = "coalesce(r.corrected_start_ms, r.media_started_at_ms)";
    const std::string first = db_text(db, "SELECT " + local_time_sql("min(" + start + ")") + " " + files);
    const std::string last =
        db_text(db, "SELECT " + local_time_sql("max(" + start + " + coalesce(r.duration_ms, 0))") + " " + files);
    const auto total = std::stoll(db_text(db, "SELECT sum(coalesce(r.duration_ms, 0)) " + files));
    EXPECT_NE(f.compact.find(without_whitespace(first + last + reports::duration_text(total, Lang::Zh))),
              std::string::npos)
        << first << " " << last << "\n"
        << f.text;
    EXPECT_NE(f.compact.find(db_text(db, "SELECT r.container || '/' || r.codec " + files + " LIMIT 1")),
              std::string::npos);
    // No place was given: the box is left empty for the officers, never made up.
    EXPECT_NE(f.compact.find("摄录地点开始时间"), std::string::npos) << f.text;
    for (const char* box : {"执法人员签名", "单位负责人审核签名", "单位盖章", "归档日期"})
        EXPECT_NE(f.compact.find(box), std::string::npos) << box;
    EXPECT_EQ(f.made.finished.pages, 1);
    expect_page_frame(f, db);
    keep_sample(f, "evidence-form");
}

TEST(EvidenceFormReport, R21_R10_NamedRecordingsInEnglishWithPlaceActivityAndThePartner) {
    const std::string db = REPORT_DEMO_DB;
    // A completed offload of a two-person checkout with at least two files.
    const std::string job =
        db_text(db,
                "SELECT j.id FROM offload_jobs j JOIN custody_entries c ON c.id = j.checkout_entry_id "
                "WHERE j.state = 'complete' AND c.partner_id IS NOT NULL "
                "AND (SELECT count(*) FROM recordings r WHERE r.job_id = j.id) >= 2 ORDER BY j.id DESC LIMIT 1");
    ASSERT_FALSE(job.empty());
    const std::string first = db_text(db, "SELECT min(id) FROM recordings WHERE job_id = " + job);
    const std::string second =
        db_text(db, "SELECT min(id) FROM recordings WHERE job_id = " + job + " AND id > " + first);
    ReportRequest r = request_of(ReportKind::EvidenceForm, Lang::En);
    r.recordings = {std::stoll(first), std::stoll(second)};
    r.place = "Renmin Road crossing, east side";
    r.activity = "Traffic stop, vehicle 冀C12345";
    TempDir dir;
    auto f = make_report_file(db, r, dir.path().string(), "evidence-form-en");
    EXPECT_NE(f.text.find("Record of audio and video recording"), std::string::npos);
    EXPECT_NE(f.compact.find("Place" + without_whitespace(r.place)), std::string::npos) << f.text;
    EXPECT_NE(f.compact.find(without_whitespace(r.activity)), std::string::npos);
    const std::string who =
        "FROM offload_jobs j JOIN custody_entries c ON c.id = j.checkout_entry_id "
        "JOIN officers o ON o.id = c.officer_id JOIN officers p ON p.id = c.partner_id WHERE j.id = " +
        job;
    const std::string officer = db_text(db, "SELECT o.name || '（' || o.number || '）' " + who);
    const std::string partner = db_text(db, "SELECT p.name || '（' || p.number || '）' " + who);
    // Both officers are named; the one who carried the camera recorded.
    EXPECT_NE(f.compact.find("Recordedby" + officer + "," + partner + officer + "Activity"), std::string::npos)
        << f.text;
    EXPECT_NE(f.compact.find("Files(2,"), std::string::npos);
    for (const auto& id : {first, second})
        EXPECT_NE(f.compact.find(db_text(db, "SELECT sha256 FROM recordings WHERE id = " + id)), std::string::npos);
    EXPECT_NE(f.compact.find("Officers'signatures"), std::string::npos);
    EXPECT_NE(f.compact.find("Unithead'scountersignature"), std::string::npos);
    EXPECT_EQ(f.compact.find("执法人员"), std::string::npos) << "English throughout";
    expect_page_frame(f, db);
}

TEST(EvidenceFormReport, R21_WithoutAnyExportItFillsTheNewestCompletedOffload) {
    TempDir dir;
    const std::string db = copy_demo_db(dir);
    {
        // A kiosk that has never exported a case: the demo's export taken out again.
        RawDb raw(db);
        raw.must(
            "DROP TRIGGER evidence_copies_no_delete; DROP TRIGGER evidence_exports_no_delete;"
            "DELETE FROM evidence_copies; DELETE FROM evidence_exports;");
    }
    const std::string job = db_text(
        db, "SELECT id FROM offload_jobs WHERE state = 'complete' ORDER BY finished_at_ms DESC, id DESC LIMIT 1");
    const std::string count = db_text(db, "SELECT count(*) FROM recordings WHERE job_id = " + job);
    ASSERT_NE(count, "0");
    auto f = make_report_file(db, request_of(ReportKind::EvidenceForm), dir.path().string(), "newest-offload");
    EXPECT_NE(f.compact.find("录音录像文件（" + count + "个"), std::string::npos) << f.text;
    EXPECT_NE(f.compact.find(db_text(db,
                                     "SELECT d.serial FROM offload_jobs j JOIN devices d ON d.id = j.device_id "
                                     "WHERE j.id = " +
                                         job)),
              std::string::npos);
    EXPECT_NE(f.compact.find(db_text(db, "SELECT sha256 FROM recordings WHERE job_id = " + job + " LIMIT 1")),
              std::string::npos);
}

TEST(EvidenceFormReport, R21_ACaseByNumberAndItsRefusals) {
    const std::string db = REPORT_DEMO_DB;
    const std::string case_number = db_text(db, "SELECT case_number FROM evidence_exports LIMIT 1");
    ReportRequest r = request_of(ReportKind::EvidenceForm);
    r.case_number = case_number;
    TempDir dir;
    auto f = make_report_file(db, r, dir.path().string(), "by-case");
    EXPECT_NE(f.compact.find("案件编号" + case_number), std::string::npos);

    r.case_number = "JT-1999-0000";
    expect_refused(db, r, MessageId::ReportCaseHasNoRecordings);
    r = request_of(ReportKind::EvidenceForm);
    r.recordings = {std::stoll(db_text(db, "SELECT max(id) + 1 FROM recordings"))};
    expect_refused(db, r, MessageId::RecordingUnknown);
    // One form covers one camera.
    r.recordings = {std::stoll(db_text(db, "SELECT min(id) FROM recordings")),
                    std::stoll(db_text(db,
                                       "SELECT min(r.id) FROM recordings r WHERE r.device_id <> "
                                       "(SELECT device_id FROM recordings ORDER BY id LIMIT 1)"))};
    expect_refused(db, r, MessageId::ReportMixedDevices);
}

TEST(EvidenceFormReport, R21_AKioskWithNoFootageSaysSo) {
    StoreFixture fx;
    fx.register_agency();
    fx.close();
    expect_refused(fx.db_path(), request_of(ReportKind::EvidenceForm), MessageId::ReportNoRecordings);
}

TEST(EvidenceFormReport, R21_CustodyctlMakesItWithOnlyOut) {
    TempDir dir;
    auto r =
        run_command({CUSTODYCTL_PATH, "--db", REPORT_DEMO_DB, "report", "evidence-form", "--out", dir.file("f.pdf")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(pdf_pages(dir.file("f.pdf")), 1);
    auto place = run_command({CUSTODYCTL_PATH, "--db", REPORT_DEMO_DB, "report", "evidence-form", "--case",
                              db_text(REPORT_DEMO_DB, "SELECT case_number FROM evidence_exports LIMIT 1"), "--place",
                              "人民路与建设街交叉口", "--out", dir.file("p.pdf")});
    EXPECT_EQ(place.exit_code, 0) << place.err;
    EXPECT_NE(pdf_text_compact(dir.file("p.pdf")).find("摄录地点人民路与建设街交叉口"), std::string::npos);
}

}  // namespace
}  // namespace custody::test
