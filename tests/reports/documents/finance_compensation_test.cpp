// The compensation notice 赔偿通知书 and the case register 赔偿案件登记簿 (R26, R25): the
// demo's three cases (approved and partly paid, waived, deliberate damage with its
// violation), every figure checked against compensation_cases, its events and the asset's
// stored depreciation.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "db/finance_rows.h"
#include "kiosk/core/compensation_progress.h"
#include "kiosk/core/officer.h"
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

std::string yuan(const std::string& fen) { return yuan_grouped(std::stoll(fen)); }

template <class Table>
std::string zh_of(const Table& table, const std::string& code, bool zh = true) {
    for (const auto& n : table)
        if (n.code == code) return std::string(zh ? n.zh : n.en);
    throw std::runtime_error("no name for " + code);
}

// Where the case stands by the model's reading of its events (progress_of).
CaseProgress progress(const std::string& db, const std::string& id) {
    auto c = db::Connection::open(db, db::Connection::Mode::ReadOnly);
    if (!c) throw std::runtime_error("cannot open " + db);
    db::FinanceRows finance(**c, {});
    auto k = finance.compensation_case(std::stoll(id));
    auto events = finance.compensation_events(std::stoll(id));
    if (!k || !*k || !events) throw std::runtime_error("no case " + id);
    return progress_of(**k, *events);
}

std::string status_name(const CaseProgress& p, bool zh) {
    const auto& n = named(kCaseStatuses, p.status);
    return std::string(zh ? n.zh : n.en);
}

ReportRequest notice_of(const std::string& id, Lang lang) {
    ReportRequest r = request_of(ReportKind::CompensationNotice, lang);
    r.compensation_case_id = std::stoll(id);
    return r;
}

// The case as stored, for the checks below.
struct StoredCase {
    std::vector<std::string> v;  // see kCaseSql
    const std::string& operator[](std::size_t i) const { return v.at(i); }
};

const char* kCaseSql =
    "SELECT c.id, o.name || '（' || o.number || '）', u.name, d.serial, a.asset_number, d.brand || ' ' || d.model, "
    "%INCIDENT%, c.liable_basis, coalesce(%CHECKOUT%, ''), c.cause, c.basis, c.basis_fen, c.rate_bp, "
    "c.liability_fen, c.value_date, a.original_fen, c.value_from_closed_month, c.loss, c.note, "
    "date(c.incident_at_ms / 1000, 'unixepoch', '+8 hours', 'start of month', '-1 day'), c.asset_id "
    "FROM compensation_cases c JOIN officers o ON o.id = c.liable_officer_id JOIN units u ON u.id = o.unit_id "
    "JOIN devices d ON d.id = c.device_id JOIN asset_cards a ON a.id = c.asset_id "
    "LEFT JOIN custody_entries e ON e.id = c.holding_entry_id WHERE c.id = ";

StoredCase stored_case(const std::string& db, const std::string& id) {
    std::string sql = kCaseSql;
    sql.replace(sql.find("%INCIDENT%"), 10, "substr(" + local_time_sql("c.incident_at_ms") + ", 1, 16)");
    sql.replace(sql.find("%CHECKOUT%"), 10, "substr(" + local_time_sql("e.at_ms") + ", 1, 16)");
    auto rows = RawDb(db).rows(sql + id);
    if (rows.size() != 1) throw std::runtime_error("no case " + id);
    return {rows[0]};
}

// Every step's row with its number, who (role and name), when and the decision; the
// reason or payment, which may wrap within its cell, in the text.
void expect_steps(const ReportFile& f, const std::string& db, const std::string& id) {
    const auto lines = layout_lines(f.path);
    const auto events = RawDb(db).rows(
        "SELECT e.kind, o.role, o.name || '（' || o.number || '）', substr(" + local_time_sql("e.at_ms") +
        ", 1, 16), coalesce(e.approved, -1), e.reason, coalesce(e.amount_fen, 0), coalesce(e.paid_on, ''), "
        "coalesce(e.receipt_number, '') FROM compensation_events e JOIN officers o ON o.id = e.by_id "
        "WHERE e.case_id = " + id + " ORDER BY e.id");
    int n = 0;
    for (const auto& e : events) {
        const std::string row = row_with(lines, {std::to_string(++n) + " " + zh_of(kCaseSteps, e[0]),
                                                 zh_of(kRoles, e[1]) + " " + e[2], e[3]});
        EXPECT_FALSE(row.empty()) << "step " << n << " " << e[0] << "\n" << f.text;
        if (e[4] != "-1") {
            EXPECT_NE(row.find(e[4] == "1" ? " 同意 " : " 不同意 "), std::string::npos) << row;
        }
        const std::string detail = e[0] == "payment" ? yuan(e[6]) + "元，缴款日期" + e[7] + "，收据号" + e[8] : e[5];
        EXPECT_NE(f.compact.find(without_whitespace(detail)), std::string::npos) << detail << "\n" << f.text;
    }
}

TEST(CompensationNoticeReport, R26_APartlyPaidCaseWithItsLiablePersonCalculationStepsAndPayments) {
    const std::string db = REPORT_DEMO_DB;
    const std::string id = db_text(db, "SELECT case_id FROM compensation_events WHERE kind = 'payment' LIMIT 1");
    ASSERT_FALSE(id.empty()) << "the demo's first case is partly paid";
    const StoredCase c = stored_case(db, id);
    TempDir dir;
    auto f = make_report_file(db, notice_of(id, Lang::Zh), dir.path().string(), "compensation-notice");
    EXPECT_NE(f.compact.find("赔偿通知书"), std::string::npos);
    EXPECT_NE(f.compact.find("赔偿案件" + id + "立案时间"), std::string::npos);
    EXPECT_NE(f.compact.find(c[1] + "：经核查，执法记录仪" + c[3] + "（资产编号" + c[4] + "）"), std::string::npos)
        << f.text;
    EXPECT_NE(f.compact.find("责任人所在单位认定依据" + c[1] + c[2]), std::string::npos) << f.text;
    ASSERT_EQ(c[7], "ledger_holder");
    ASSERT_FALSE(c[8].empty());
    EXPECT_NE(f.compact.find(without_whitespace("台账显示的领用人，事发前最近一次领用 " + c[8])), std::string::npos)
        << "how the person was found: " << f.text;
    EXPECT_NE(f.compact.find("设备编号品牌型号资产编号案件来源" + c[3] + without_whitespace(c[5]) + c[4]),
              std::string::npos);
    EXPECT_NE(f.compact.find(without_whitespace("事发时间情形原因情况说明" + c[6] + "损坏" +
                                                zh_of(kCompensationCauses, c[9]) + c[18])),
              std::string::npos)
        << f.text;

    // The calculation, from the card's original value and the case's net book value.
    ASSERT_EQ(c[10], "net_book_value");
    ASSERT_EQ(c[14], c[19]) << "the value date is the end of the month before the incident";
    const std::int64_t original = std::stoll(c[15]), nbv = std::stoll(c[11]), rate = std::stoll(c[12]);
    ASSERT_EQ(std::stoll(c[13]), (nbv * rate + 5000) / 10000) << "net book value × rate, half up";
    if (c[16] == "1") {
        EXPECT_EQ(db_text(db, "SELECT net_book_value_fen FROM depreciation_lines WHERE asset_id = " + c[20] +
                                  " AND month = '" + c[14].substr(0, 7) + "'"),
                  c[11])
            << "a closed month's stored figure";
    }
    const std::vector<std::string> calculation = {
        "1.原值：" + yuan_grouped(original),
        "2.累计折旧：" + yuan_grouped(original - nbv) + "（年限平均法，政府会计准则第3号，价值日期" + c[14] + "）",
        "3.账面净值：" + yuan_grouped(original) + "-" + yuan_grouped(original - nbv) + "=" + yuan_grouped(nbv),
        "4.赔偿金额：账面净值" + yuan_grouped(nbv) + "×" + rate_text(rate) + "=" + yuan(c[13]) + "（四舍五入到分）"};
    std::size_t at = f.compact.find("赔偿金额计算");
    ASSERT_NE(at, std::string::npos);
    for (const auto& line : calculation) {
        const std::size_t next = f.compact.find(line, at);
        EXPECT_NE(next, std::string::npos) << line << "\n" << f.text;
        if (next != std::string::npos) at = next;
    }
    EXPECT_NE(f.compact.find(without_whitespace(convention_text({DepreciationPolicy::Government, 0}, true))),
              std::string::npos);

    expect_steps(f, db, id);
    const std::string paid = db_text(db, "SELECT sum(amount_fen) FROM compensation_events WHERE case_id = " + id);
    const std::string outstanding = std::to_string(std::stoll(c[13]) - std::stoll(paid));
    ASSERT_GT(std::stoll(outstanding), 0);
    ASSERT_EQ(progress(db, id).status, CaseStatus::PartlyPaid);
    EXPECT_NE(f.compact.find("应赔金额（元）已缴（元）未缴（元）当前状态" + yuan(c[13]) + yuan(paid) + yuan(outstanding) +
                             "部分缴款"),
              std::string::npos)
        << f.text;
    EXPECT_EQ(f.compact.find("违规"), std::string::npos) << "negligence opens no violation";
    for (const char* box : {"当事人签字确认", "保管员", "单位负责人", "财务"})
        EXPECT_NE(f.compact.find(box), std::string::npos) << box;
    EXPECT_EQ(f.made.finished.pages, 1) << "the notice and its signatures on one sheet";
    expect_page_frame(f, db);
    keep_sample(f, "compensation-notice");
}

TEST(CompensationNoticeReport, R26_R25_DeliberateDamageInEnglishPaysTheOriginalPriceAndNamesItsViolation) {
    const std::string db = REPORT_DEMO_DB;
    const std::string id = db_text(db, "SELECT id FROM compensation_cases WHERE cause = 'deliberate' LIMIT 1");
    ASSERT_FALSE(id.empty());
    const StoredCase c = stored_case(db, id);
    TempDir dir;
    auto f = make_report_file(db, notice_of(id, Lang::En), dir.path().string(), "compensation-notice-en");
    EXPECT_NE(f.compact.find("Compensationnotice"), std::string::npos);
    ASSERT_EQ(c[10], "original_value");
    EXPECT_EQ(c[13], c[15]) << "deliberate damage pays the original price";
    // The depreciation shown is the stored figure at the value date.
    ASSERT_EQ(c[16], "1") << "the demo values cases in closed months";
    const std::string acc = db_text(db, "SELECT accumulated_fen FROM depreciation_lines WHERE asset_id = " + c[20] +
                                            " AND month = '" + c[14].substr(0, 7) + "'");
    const std::int64_t original = std::stoll(c[15]);
    for (const std::string& line :
         {"1.Originalvalue:" + yuan(c[15]),
          "2.Accumulateddepreciation:" + yuan(acc) + "(straight-line,GovernmentAccountingStandardNo.3,valuedate" +
              c[14] + ")",
          "3.Netbookvalue:" + yuan(c[15]) + "-" + yuan(acc) + "=" + yuan_grouped(original - std::stoll(acc)),
          "4.Compensation:deliberatedamage,theoriginalprice" + yuan(c[13])})
        EXPECT_NE(f.compact.find(line), std::string::npos) << line << "\n" << f.text;
    const auto violation = RawDb(db).rows("SELECT id, kind FROM violations WHERE compensation_case_id = " + id);
    ASSERT_EQ(violation.size(), 1u) << "deliberate damage opens a violation (R25)";
    EXPECT_NE(f.compact.find("Thiscaseopenedviolationrecord" + violation[0][0] + "(R25):" +
                             without_whitespace(zh_of(kViolationKinds, violation[0][1], false))),
              std::string::npos)
        << f.text;
    const CaseProgress p = progress(db, id);
    ASSERT_EQ(p.paid, 0) << "the demo's deliberate damage is still under review";
    EXPECT_NE(f.compact.find("Amount(yuan)Paid(yuan)Outstanding(yuan)Status" + yuan(c[13]) + "0.00" + yuan(c[13]) +
                             without_whitespace(status_name(p, false))),
              std::string::npos)
        << f.text;
    EXPECT_NE(f.compact.find("Acknowledgedbytheofficer"), std::string::npos);
    expect_page_frame(f, db);
}

TEST(CompensationNoticeReport, ByDefaultTheNewestCaseAndAnUnknownOneIsRefused) {
    const std::string db = REPORT_DEMO_DB;
    const std::string newest = db_text(db, "SELECT id FROM compensation_cases ORDER BY opened_at_ms DESC, id DESC LIMIT 1");
    TempDir dir;
    auto f = make_report_file(db, request_of(ReportKind::CompensationNotice), dir.path().string(), "notice-default");
    EXPECT_NE(f.compact.find("赔偿案件" + newest + "立案时间"), std::string::npos) << f.text;
    auto r = run_command({CUSTODYCTL_PATH, "--db", db, "--lang", "en", "report", "compensation-notice", "--id", "9999",
                          "--out", dir.file("n.pdf")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("There is no compensation case 9999"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("n.pdf")));
    StoreFixture fx;
    fx.register_agency();
    fx.close();
    expect_refused(fx.db_path(), request_of(ReportKind::CompensationNotice), MessageId::ReportNoCompensationCase);
}

TEST(CompensationRegisterReport, R26_R25_EveryCaseWithAmountPaidOutstandingStatusAndViolationsFlagged) {
    const std::string db = REPORT_DEMO_DB;
    TempDir dir;
    auto f = make_report_file(db, request_of(ReportKind::CompensationRegister), dir.path().string(),
                              "compensation-register");
    EXPECT_NE(f.compact.find("赔偿案件登记簿"), std::string::npos);
    RawDb raw(db);
    const auto cases = raw.rows(
        "SELECT c.id, d.serial, a.asset_number, o.name || '（' || o.number || '）', c.cause, c.liability_fen, "
        "coalesce((SELECT sum(amount_fen) FROM compensation_events e WHERE e.case_id = c.id AND e.kind = 'payment'), 0), "
        "EXISTS (SELECT 1 FROM compensation_events e WHERE e.case_id = c.id AND e.kind = 'waived'), "
        "coalesce((SELECT v.id FROM violations v WHERE v.compensation_case_id = c.id), ''), c.value_date, c.basis, "
        "c.basis_fen, c.rate_bp "
        "FROM compensation_cases c JOIN devices d ON d.id = c.device_id JOIN asset_cards a ON a.id = c.asset_id "
        "JOIN officers o ON o.id = c.liable_officer_id ORDER BY c.id");
    ASSERT_EQ(cases.size(), 3u);
    EXPECT_NE(f.compact.find("全部案件3件"), std::string::npos);
    const auto lines = layout_lines(f.path);
    std::int64_t amount = 0, paid = 0, outstanding = 0;
    int flagged = 0;
    std::vector<std::string> statuses;
    for (const auto& c : cases) {
        const std::string row = row_with(lines, {c[1], c[2], c[3]});
        ASSERT_FALSE(row.empty()) << c[1] << "\n" << f.text;
        const std::int64_t owed = c[7] == "1" ? 0 : std::stoll(c[5]) - std::stoll(c[6]);
        amount += std::stoll(c[5]);
        paid += std::stoll(c[6]);
        outstanding += owed;
        EXPECT_NE(row.find(yuan(c[5]) + " "), std::string::npos) << "amount: " << row;
        EXPECT_NE(row.find(" " + yuan(c[6]) + " "), std::string::npos) << "paid: " << row;
        EXPECT_NE(row.find(" " + yuan_grouped(owed) + " "), std::string::npos) << "outstanding: " << row;
        EXPECT_NE(row.find(zh_of(kCompensationCauses, c[4])), std::string::npos) << "cause: " << row;
        const std::string basis = c[10] == "net_book_value" ? "账面净值 " + yuan(c[11]) + " × " + rate_text(std::stoll(c[12]))
                                                            : "故意损坏，按原值 " + yuan(c[5]);
        EXPECT_NE(row.find(basis), std::string::npos) << "the basis of the amount: " << row;
        EXPECT_NE(f.compact.find(c[9] + "，年限平均法，政府会计准则第3号（已结账）"), std::string::npos)
            << "its value date, method and convention";
        if (!c[8].empty()) {
            ++flagged;
            EXPECT_NE(row.find("已登记 第 " + c[8] + " 号"), std::string::npos) << "violation flagged: " << row;
        } else {
            EXPECT_TRUE(row.ends_with(" —")) << "no violation: " << row;
        }
        const CaseProgress p = progress(db, c[0]);
        EXPECT_EQ(p.paid, std::stoll(c[6]));
        EXPECT_EQ(p.outstanding, owed);
        EXPECT_NE(row.find(" " + status_name(p, true) + " "), std::string::npos) << "status: " << row;
        statuses.push_back(status_name(p, false));
    }
    EXPECT_EQ(flagged, 1);
    for (const char* story : {"partly paid", "waived"})
        EXPECT_NE(std::find(statuses.begin(), statuses.end(), story), statuses.end()) << "the demo has a case " << story;
    const std::string total = row_with(lines, {"合计", yuan_grouped(amount)});
    ASSERT_FALSE(total.empty()) << f.text;
    EXPECT_NE(total.find(yuan_grouped(amount) + " " ), std::string::npos) << total;
    EXPECT_NE(total.find(" " + yuan_grouped(paid) + " "), std::string::npos) << total;
    EXPECT_NE(total.find(" " + yuan_grouped(outstanding) + " "), std::string::npos) << total;
    EXPECT_TRUE(total.ends_with("1 件登记违规")) << total;
    expect_page_frame(f, db);
    keep_sample(f, "compensation-register");
}

TEST(CompensationRegisterReport, InEnglishWithTheStatusesAndTheBasisOfEachAmount) {
    const std::string db = REPORT_DEMO_DB;
    TempDir dir;
    auto f = make_report_file(db, request_of(ReportKind::CompensationRegister, Lang::En), dir.path().string(),
                              "compensation-register-en");
    EXPECT_NE(f.compact.find("Compensationcaseregister"), std::string::npos);
    for (const char* s : {"netbookvalue", "theoriginalprice", "1withaviolation", "(closed)"})
        EXPECT_NE(f.compact.find(s), std::string::npos) << s << "\n" << f.text;
    for (const auto& id : RawDb(db).rows("SELECT id FROM compensation_cases ORDER BY id")) {
        const std::string status = without_whitespace(status_name(progress(db, id[0]), false));
        EXPECT_NE(f.compact.find(status), std::string::npos) << "case " << id[0] << ": " << status;
    }
    expect_page_frame(f, db);
}

}  // namespace
}  // namespace custody::test
