// The interruption work record 执法记录中断情况说明 (R13) as a PDF: reason and basis, the
// officer, the device, the custody period and the recording gap it explains, and the
// unit head's review or, plainly, that it is still awaited.
#include <gtest/gtest.h>

#include <filesystem>

#include "kiosk/core/interruption_record.h"
#include "reports/report_text.h"
#include "tests/reports/documents/form_checks.h"
#include "tests/reports/documents/report_checks.h"
#include "tests/support/pdf_probe.h"
#include "tests/support/run_command.h"
#include "tests/support/store_fixture.h"

namespace custody::test {
namespace {

using reports::ReportKind;
using reports::ReportRequest;

std::string reason_name(const std::string& db, const std::string& id, Lang lang) {
    auto reason =
        parse_named(kInterruptionReasons, db_text(db, "SELECT reason FROM interruption_records WHERE id = " + id));
    if (!reason) throw std::runtime_error("record " + id + " has no known reason");
    const auto& n = named(kInterruptionReasons, *reason);
    return std::string(lang == Lang::Zh ? n.zh : n.en);
}

// The record's own facts and the coverage of the offload it explains.
void expect_record(const ReportFile& f, const std::string& db, const std::string& id, Lang lang) {
    const std::string of =
        "FROM interruption_records i JOIN officers o ON o.id = i.officer_id JOIN units u ON u.id = "
        "o.unit_id JOIN offload_jobs j ON j.id = i.job_id JOIN devices d ON d.id = j.device_id "
        "WHERE i.id = " +
        id;
    EXPECT_NE(f.compact.find(without_whitespace(reason_name(db, id, lang))), std::string::npos);
    EXPECT_NE(f.compact.find(without_whitespace(db_text(db, "SELECT i.basis " + of))), std::string::npos);
    EXPECT_NE(f.compact.find(db_text(db, "SELECT o.name || '（' || o.number || '）' || u.name " + of)),
              std::string::npos)
        << f.text;
    EXPECT_NE(
        f.compact.find(without_whitespace(db_text(db, "SELECT d.serial || '  ' || d.brand || ' ' || d.model " + of))),
        std::string::npos);
    const auto ms = [&](const char* column) {
        return std::stoll(db_text(db, std::string("SELECT ") + column + " " + of));
    };
    const std::string coverage = reports::duration_text(ms("j.recorded_ms"), lang) +
                                 reports::duration_text(ms("j.custody_ms") - ms("j.recorded_ms"), lang) +
                                 reports::duration_text(ms("j.longest_gap_ms"), lang);
    EXPECT_NE(f.compact.find(without_whitespace(coverage)), std::string::npos) << "recorded, not recorded, longest gap";
    EXPECT_NE(f.compact.find(without_whitespace(reports::duration_text(ms("j.custody_ms"), lang))), std::string::npos);
    EXPECT_NE(f.text.find(db_text(db, "SELECT " + local_time_sql("i.recorded_at_ms") + " " + of)), std::string::npos);
    EXPECT_NE(f.compact.find(db_text(db, "SELECT i.recorded_by " + of)), std::string::npos);
}

TEST(InterruptionRecordReport, R13_ByDefaultTheNewestRecordAndPlainlyThatItAwaitsReview) {
    const std::string db = REPORT_DEMO_DB;
    const std::string id =
        db_text(db, "SELECT id FROM interruption_records ORDER BY recorded_at_ms DESC, id DESC LIMIT 1");
    ASSERT_FALSE(id.empty());
    ASSERT_EQ(db_text(db, "SELECT count(*) FROM interruption_approvals WHERE interruption_id = " + id), "0")
        << "the demo's newest record is pending";
    TempDir dir;
    auto f = make_report_file(db, request_of(ReportKind::Interruption), dir.path().string(), "interruption");
    EXPECT_NE(f.compact.find("执法记录中断情况说明"), std::string::npos);
    EXPECT_NE(f.compact.find("记录编号" + id), std::string::npos);
    expect_record(f, db, id, Lang::Zh);
    EXPECT_NE(f.compact.find("待单位负责人审核"), std::string::npos);
    EXPECT_EQ(f.compact.find("已审核"), std::string::npos);
    EXPECT_NE(f.compact.find("民警签名"), std::string::npos);
    EXPECT_NE(f.compact.find("单位负责人签名"), std::string::npos);
    EXPECT_EQ(f.made.finished.pages, 1);
    expect_page_frame(f, db);
    keep_sample(f, "interruption");
}

TEST(InterruptionRecordReport, R13_AReviewedRecordShowsTheReviewerTimeAndNoteInBothLanguages) {
    const std::string db = REPORT_DEMO_DB;
    const std::string id = db_text(db, "SELECT interruption_id FROM interruption_approvals ORDER BY id LIMIT 1");
    ASSERT_FALSE(id.empty()) << "the demo has reviewed records";
    const std::string review =
        "FROM interruption_approvals a JOIN officers h ON h.id = a.reviewer_id "
        "WHERE a.interruption_id = " +
        id;
    const std::string reviewer = db_text(db, "SELECT h.name || '（' || h.number || '）' " + review);
    const std::string at = db_text(db, "SELECT " + local_time_sql("a.reviewed_at_ms") + " " + review);
    const std::string note = db_text(db, "SELECT a.note " + review);
    ASSERT_FALSE(note.empty());
    ReportRequest r = request_of(ReportKind::Interruption);
    r.interruption_id = std::stoll(id);
    TempDir dir;
    auto f = make_report_file(db, r, dir.path().string(), "reviewed");
    expect_record(f, db, id, Lang::Zh);
    EXPECT_NE(f.compact.find("已审核，同意归档" + reviewer), std::string::npos) << f.text;
    EXPECT_NE(f.text.find(at), std::string::npos);
    EXPECT_NE(f.compact.find("审核意见" + without_whitespace(note)), std::string::npos);
    EXPECT_EQ(f.compact.find("待单位负责人审核"), std::string::npos);
    expect_page_frame(f, db);

    r.lang = Lang::En;
    auto en = make_report_file(db, r, dir.path().string(), "reviewed-en");
    EXPECT_NE(en.text.find("Interruption work record"), std::string::npos);
    expect_record(en, db, id, Lang::En);
    EXPECT_NE(en.compact.find("reviewedandacceptedforfiling" + reviewer), std::string::npos) << en.text;
    EXPECT_EQ(en.compact.find("Awaiting"), std::string::npos);
    EXPECT_EQ(en.compact.find("中断原因"), std::string::npos) << "English throughout";
    expect_page_frame(en, db);
}

TEST(InterruptionRecordReport, R13_APendingRecordInEnglishSaysItAwaitsTheUnitHead) {
    const std::string db = REPORT_DEMO_DB;
    const std::string id = db_text(db,
                                   "SELECT min(i.id) FROM interruption_records i WHERE NOT EXISTS "
                                   "(SELECT 1 FROM interruption_approvals a WHERE a.interruption_id = i.id)");
    ASSERT_FALSE(id.empty());
    ReportRequest r = request_of(ReportKind::Interruption, Lang::En);
    r.interruption_id = std::stoll(id);
    TempDir dir;
    auto f = make_report_file(db, r, dir.path().string(), "pending-en");
    EXPECT_NE(f.compact.find("Awaitingtheunithead'sreview"), std::string::npos) << f.text;
    EXPECT_NE(f.compact.find("Record" + id), std::string::npos);
}

TEST(InterruptionRecordReport, R13_UnknownRecordsAndAKioskWithoutAnyAreRefused) {
    ReportRequest r = request_of(ReportKind::Interruption);
    r.interruption_id =
        std::stoll(db_text(REPORT_DEMO_DB, "SELECT coalesce(max(id), 0) + 1 FROM interruption_records"));
    expect_refused(REPORT_DEMO_DB, r, MessageId::InterruptionUnknown);
    StoreFixture fx;
    fx.register_agency();
    fx.close();
    expect_refused(fx.db_path(), request_of(ReportKind::Interruption), MessageId::ReportNoInterruption);
}

TEST(InterruptionRecordReport, R13_CustodyctlMakesItWithOnlyOutAndById) {
    TempDir dir;
    auto r =
        run_command({CUSTODYCTL_PATH, "--db", REPORT_DEMO_DB, "report", "interruption", "--out", dir.file("i.pdf")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(pdf_pages(dir.file("i.pdf")), 1);
    const std::string first = db_text(REPORT_DEMO_DB, "SELECT min(id) FROM interruption_records");
    auto by_id = run_command({CUSTODYCTL_PATH, "--db", REPORT_DEMO_DB, "report", "interruption", "--id", first, "--out",
                              dir.file("first.pdf")});
    EXPECT_EQ(by_id.exit_code, 0) << by_id.err;
    EXPECT_NE(pdf_text_compact(dir.file("first.pdf")).find("记录编号" + first), std::string::npos);
}

}  // namespace
}  // namespace custody::test
