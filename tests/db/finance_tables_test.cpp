// The finance tables (schema 5) hold their rules for any writer, the sqlite3 shell
// included (R3, R9, R26): the Ministry of Finance floor on a category's life, an asset
// card's financial facts fixed once written, a closed month final, a repair order filled
// in once per value, one open repair per device, a payment with its receipt, every
// review with a reason, and nothing deleted.
#include <gtest/gtest.h>

#include "kiosk/core/fault_report.h"
#include "tests/support/raw_db.h"
#include "tests/support/store_fixture.h"

namespace custody::db {
namespace {

using test::RawDb;
using test::StoreFixture;

class FinanceTables : public ::testing::Test {
protected:
    void SetUp() override {
        f.register_agency();
        ASSERT_TRUE(FaultReport(f.store(), f.clock()).file({"ZD-CAM-01", FaultKind::LensDamaged, "100001", ""}).ok());
        f.close();
        raw = std::make_unique<RawDb>(f.db_path());
        raw->must(
            "INSERT INTO asset_cards(device_id, asset_number, category_code, purchase_date, in_service_date, "
            "original_fen, funding_source, supplier, invoice_number, useful_life_months, method, registered_at_ms, "
            "registered_by) VALUES (1, 'GA-2026-0001', 'police_equipment', '2026-01-10', '2026-01-15', 328050, "
            "'财政拨款', '某科技公司', 'FP-001', 36, 'straight_line', 1, 'finance')");
    }
    StoreFixture f;
    std::unique_ptr<RawDb> raw;
};

TEST_F(FinanceTables, CategoriesComeWithTheMinistryFloorsAndNeverGoBelowThem_R3) {
    EXPECT_EQ(raw->scalar("SELECT min_life_months FROM asset_categories WHERE code = 'police_equipment'"), 36);
    EXPECT_EQ(raw->scalar("SELECT min_life_months FROM asset_categories WHERE code = 'broadcast_av'"), 60);
    EXPECT_EQ(raw->exec("UPDATE asset_categories SET life_months = 48 WHERE code = 'broadcast_av'"), SQLITE_CONSTRAINT);
    raw->must("UPDATE asset_categories SET life_months = 72 WHERE code = 'broadcast_av'");
    EXPECT_NE(raw->exec("UPDATE asset_categories SET min_life_months = 12 WHERE code = 'broadcast_av'"), SQLITE_OK);
    EXPECT_NE(raw->exec("DELETE FROM asset_categories"), SQLITE_OK);
}

TEST_F(FinanceTables, AnAssetCardKeepsItsFinancialFacts_R3) {
    for (const char* change : {"original_fen = 1", "in_service_date = '2026-02-01'", "method = 'workload'",
                               "asset_number = 'X'", "supplier = 'Y'", "invoice_number = 'Z'"})
        EXPECT_NE(raw->exec(std::string("UPDATE asset_cards SET ") + change), SQLITE_OK) << change;
    raw->must("UPDATE asset_cards SET location = '二楼装备室', useful_life_months = 48");
    raw->must("UPDATE asset_cards SET disposed_on = '2027-03-01'");
    EXPECT_NE(raw->exec("UPDATE asset_cards SET disposed_on = '2027-04-01'"), SQLITE_OK) << "disposed once";
    EXPECT_NE(raw->exec("DELETE FROM asset_cards"), SQLITE_OK);
    // A card with no value, or in service before it was bought, is refused.
    EXPECT_EQ(raw->exec("INSERT INTO asset_cards(device_id, asset_number, category_code, purchase_date, "
                        "in_service_date, original_fen, funding_source, supplier, invoice_number, useful_life_months, "
                        "method, registered_at_ms, registered_by) VALUES (2, 'GA-2', 'police_equipment', "
                        "'2026-02-01', '2026-01-01', 100, '', '', '', 36, 'straight_line', 1, 'f')"),
              SQLITE_CONSTRAINT);
    EXPECT_EQ(raw->exec("INSERT INTO asset_cards(device_id, asset_number, category_code, purchase_date, "
                        "in_service_date, original_fen, funding_source, supplier, invoice_number, useful_life_months, "
                        "method, registered_at_ms, registered_by) VALUES (2, 'GA-2', 'police_equipment', "
                        "'2026-01-01', '2026-01-01', 0, '', '', '', 36, 'straight_line', 1, 'f')"),
              SQLITE_CONSTRAINT);
}

TEST_F(FinanceTables, AClosedMonthIsFinal_R3) {
    raw->must("INSERT INTO month_closes VALUES ('2026-01', 1, 'finance', 'government', 0, 1, 9113)");
    raw->must("INSERT INTO depreciation_lines VALUES ('2026-01', 1, 328050, 0, 9113, 9113, 318937, 1, 0, 0, 36, "
              "'straight_line', 'government', 0, '2026-01-31')");
    // The same month twice, a line that does not add up, an edit, a deletion: refused.
    EXPECT_EQ(raw->exec("INSERT INTO month_closes VALUES ('2026-01', 2, 'x', 'government', 0, 1, 1)"),
              SQLITE_CONSTRAINT);
    EXPECT_EQ(raw->exec("INSERT INTO depreciation_lines VALUES ('2026-01', 1, 328050, 0, 1, 1, 1, 1, 0, 0, 36, "
                        "'straight_line', 'government', 0, '2026-01-31')"),
              SQLITE_CONSTRAINT);
    for (const char* table : {"month_closes", "depreciation_lines"}) {
        EXPECT_NE(raw->exec(std::string("UPDATE ") + table + " SET rowid = rowid"), SQLITE_OK) << table;
        EXPECT_NE(raw->exec(std::string("DELETE FROM ") + table), SQLITE_OK) << table;
    }
}

TEST_F(FinanceTables, ARepairOrderTakesEachValueOnce_R9) {
    raw->must("INSERT INTO repair_orders(device_id, fault_report_id, problem, opened_at_ms, opened_by) "
              "VALUES (1, 1, '镜头损坏', 1, '100004')");
    EXPECT_EQ(raw->exec("INSERT INTO repair_orders(device_id, problem, opened_at_ms, opened_by) "
                        "VALUES (1, '另一单', 2, '100004')"),
              SQLITE_CONSTRAINT)
        << "one open repair per device";
    raw->must("UPDATE repair_orders SET supplier = '某维修中心', sent_on = '2026-03-02'");
    EXPECT_NE(raw->exec("UPDATE repair_orders SET supplier = '别家'"), SQLITE_OK);
    EXPECT_EQ(raw->exec("UPDATE repair_orders SET returned_on = '2026-03-01'"), SQLITE_CONSTRAINT)
        << "back before it was sent";
    raw->must("UPDATE repair_orders SET returned_on = '2026-03-20', cost_fen = 45000, outcome = 'repaired'");
    EXPECT_NE(raw->exec("UPDATE repair_orders SET cost_fen = 1"), SQLITE_OK);
    EXPECT_NE(raw->exec("DELETE FROM repair_orders"), SQLITE_OK);
    // Once the first is settled the device may go for repair again.
    raw->must("INSERT INTO repair_orders(device_id, problem, opened_at_ms, opened_by) VALUES (1, '再次', 3, '100004')");
}

TEST_F(FinanceTables, CompensationEventsNeedReasonsAndReceipts_R26) {
    raw->must(
        "INSERT INTO compensation_cases(device_id, asset_id, source, fault_report_id, loss, incident_at_ms, "
        "opened_at_ms, opened_by, liable_officer_id, liable_basis, holding_entry_id, cause, basis, basis_fen, rate_bp, "
        "liability_fen, value_date, depreciation_method, depreciation_policy, value_from_closed_month) VALUES "
        "(1, 1, 'fault_report', 1, 0, 1, 1, '100004', 1, 'keeper', NULL, 'poor_keeping', 'net_book_value', 318937, "
        "5000, 159469, '2026-01-31', 'straight_line', 'government', 1)");
    // A case linked to a ledger holder must name the ledger entry.
    EXPECT_EQ(raw->exec("INSERT INTO compensation_cases(device_id, asset_id, source, loss, incident_at_ms, "
                        "opened_at_ms, opened_by, liable_officer_id, liable_basis, cause, basis, basis_fen, rate_bp, "
                        "liability_fen, value_date, depreciation_method, depreciation_policy, "
                        "value_from_closed_month) VALUES (1, 1, 'custodian', 1, 1, 1, 'x', 1, 'ledger_holder', "
                        "'misuse', 'net_book_value', 1, 0, 0, '2026-01-31', 'straight_line', 'government', 0)"),
              SQLITE_CONSTRAINT);
    EXPECT_EQ(raw->exec("INSERT INTO compensation_events(case_id, at_ms, kind, by_id, approved, reason) "
                        "VALUES (1, 2, 'unit_head_review', 2, 1, '')"),
              SQLITE_CONSTRAINT)
        << "a review without a reason";
    raw->must("INSERT INTO compensation_events(case_id, at_ms, kind, by_id, approved, reason) "
              "VALUES (1, 2, 'custodian_review', 4, 1, '保管不善属实')");
    EXPECT_EQ(raw->exec("INSERT INTO compensation_events(case_id, at_ms, kind, by_id, amount_fen, paid_on) "
                        "VALUES (1, 3, 'payment', 1, 1000, '2026-02-01')"),
              SQLITE_CONSTRAINT)
        << "a payment without a receipt number";
    raw->must("INSERT INTO compensation_events(case_id, at_ms, kind, by_id, amount_fen, paid_on, receipt_number) "
              "VALUES (1, 3, 'payment', 1, 1000, '2026-02-01', 'SJ-0001')");
    EXPECT_EQ(raw->exec("INSERT INTO compensation_events(case_id, at_ms, kind, by_id, amount_fen, paid_on, "
                        "receipt_number) VALUES (1, 4, 'payment', 1, 1000, '2026-02-02', 'SJ-0001')"),
              SQLITE_CONSTRAINT)
        << "the same receipt twice";
    for (const char* table : {"compensation_cases", "compensation_events"}) {
        EXPECT_NE(raw->exec(std::string("UPDATE ") + table + " SET rowid = rowid"), SQLITE_OK) << table;
        EXPECT_NE(raw->exec(std::string("DELETE FROM ") + table), SQLITE_OK) << table;
    }
}

TEST_F(FinanceTables, TheLedgerTakesTheTwoRepairMovements_R9) {
    raw->must("INSERT INTO custody_entries(kind, device_id, officer_id, slot, at_ms) VALUES ('sent_to_repair', 1, 4, 1, 5)");
    raw->must("INSERT INTO custody_entries(kind, device_id, officer_id, slot, at_ms) VALUES ('back_from_repair', 1, 4, 1, 6)");
    EXPECT_EQ(raw->exec("INSERT INTO custody_entries(kind, device_id, at_ms) VALUES ('lent_out', 1, 7)"),
              SQLITE_CONSTRAINT);
    EXPECT_NE(raw->exec("DELETE FROM custody_entries"), SQLITE_OK);
}

}  // namespace
}  // namespace custody::db
