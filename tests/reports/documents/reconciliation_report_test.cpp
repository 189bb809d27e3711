// The inventory reconciliation report: a saved 盘点 record as the custodian signs it (R3,
// R4, R9; issue 6).
#include <gtest/gtest.h>

#include "kiosk/core/inventory_reconciliation.h"
#include "tests/reports/documents/report_checks.h"
#include "tests/support/pdf_probe.h"
#include "tests/support/run_command.h"
#include "tests/support/store_fixture.h"

namespace custody::test {
namespace {

using reports::ReportKind;
using reports::ReportRequest;

TEST(ReconciliationReport, ShowsTheNewestRecordsCountsEveryDeviceAndSignatureBoxes) {
    TempDir dir;
    ReportRequest r;
    r.kind = ReportKind::Reconciliation;
    auto f = make_report_file(REPORT_DEMO_DB, r, dir.path().string(), "reconciliation");
    const std::string id = db_text(REPORT_DEMO_DB, "SELECT max(id) FROM reconciliations");
    EXPECT_NE(f.compact.find("执法记录仪盘点报告"), std::string::npos);
    EXPECT_NE(f.compact.find("盘点记录" + id), std::string::npos);
    EXPECT_NE(f.compact.find("盘点人" + db_text(REPORT_DEMO_DB, "SELECT made_by FROM reconciliations WHERE id = " + id)),
              std::string::npos);
    for (const char* column : {"expected", "in_slot", "out", "discrepancies"}) {
        const std::string v = db_text(REPORT_DEMO_DB, std::string("SELECT ") + column + " FROM reconciliations WHERE id = " + id);
        EXPECT_NE(f.compact.find(v), std::string::npos) << column;
    }
    // The summary row: its labels, then its values in the same order.
    const std::string values = db_text(REPORT_DEMO_DB,
                                       "SELECT expected || in_slot || out || in_repair || quarantined || pending_offload || "
                                       "lost || discrepancies FROM reconciliations WHERE id = " + id);
    EXPECT_NE(f.compact.find("应在（台账）在柜已领出维修中故障隔离待导出丢失不符" + values), std::string::npos) << f.text;
    const int lines = std::stoi(db_text(REPORT_DEMO_DB, "SELECT count(*) FROM reconciliation_lines WHERE reconciliation_id = " + id));
    for (int i = 0; i < lines; ++i) {
        const std::string serial = db_text(REPORT_DEMO_DB,
                                           "SELECT d.serial FROM reconciliation_lines l JOIN devices d ON d.id = l.device_id "
                                           "WHERE l.reconciliation_id = " + id + " ORDER BY l.id LIMIT 1 OFFSET " + std::to_string(i));
        EXPECT_NE(f.compact.find(serial), std::string::npos) << serial;
    }
    EXPECT_NE(f.compact.find("未连接储存柜"), std::string::npos) << "the demo reconciled against the ledger";
    EXPECT_NE(f.compact.find("单位负责人"), std::string::npos);
    expect_page_frame(f, REPORT_DEMO_DB);
    keep_sample(f, "reconciliation");
}

TEST(ReconciliationReport, ACameraMissingFromItsSlotIsListedAmongTheDiscrepancies) {
    StoreFixture fx;
    fx.register_agency();
    InventoryReconciliation inventory(fx.store(), fx.clock());
    // The cabinet reads slot 1 empty; the ledger has ZD-CAM-01 there.
    std::vector<SlotStatus> readings;
    for (int slot = 1; slot <= 24; ++slot) readings.push_back({slot, true, slot == 2 || slot == 3});
    auto saved = inventory.save(readings, "赵强", CabinetSource::Read);
    ASSERT_TRUE(saved.ok()) << render(saved.error(), Lang::En);
    fx.close();
    TempDir dir;
    ReportRequest r;
    r.kind = ReportKind::Reconciliation;
    auto f = make_report_file(fx.db_path(), r, dir.path().string(), "reconciliation-missing");
    const auto split = f.compact.find("逐台核对");
    ASSERT_NE(split, std::string::npos);
    const std::string discrepancies = f.compact.substr(0, split);
    EXPECT_NE(discrepancies.find("ZD-CAM-01"), std::string::npos) << f.text;
    EXPECT_NE(discrepancies.find("台账在柜，柜位为空"), std::string::npos) << f.text;
    EXPECT_EQ(discrepancies.find("ZD-CAM-02"), std::string::npos) << "a matching camera is not a discrepancy";
    EXPECT_NE(f.compact.substr(split).find("ZD-CAM-02"), std::string::npos);
    EXPECT_NE(f.compact.find("柜位状态由储存柜实际读取"), std::string::npos);
    expect_page_frame(f, fx.db_path());
}

TEST(ReconciliationReport, AnUnknownRecordIsRefused) {
    TempDir dir;
    auto r = run_command({CUSTODYCTL_PATH, "--db", REPORT_DEMO_DB, "--lang", "en", "report", "reconciliation", "--id",
                          "9999", "--out", dir.file("r.pdf")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("There is no reconciliation record 9999"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("r.pdf")));
}

TEST(ReconciliationReport, WithoutAnyRecordSaysHowToMakeOne) {
    StoreFixture fx;
    fx.register_agency();
    fx.close();
    TempDir dir;
    ReportRequest r;
    r.kind = ReportKind::Reconciliation;
    auto made = reports::make_report(fx.db_path(), r, dir.file("r.pdf"), SystemClock().now());
    ASSERT_FALSE(made.ok());
    EXPECT_EQ(made.error().id, MessageId::ReportNoReconciliation);
}

}  // namespace
}  // namespace custody::test
