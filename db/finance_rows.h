#pragma once
// The finance tables (migration 0005) inside a store transaction. Each row written is
// its own audit entry, linked by the digest of its fixed columns (db/row_digest.h).

#include <functional>

#include "db/audit_writer.h"
#include "db/sqlite.h"
#include "kiosk/core/finance_store.h"

namespace custody::db {

class FinanceRows final : public FinanceRecords {
public:
    using Audit = std::function<Status(const AuditNote&, const std::optional<RecordLink>&)>;
    FinanceRows(Connection& c, Audit audit) : c_(c), audit_(std::move(audit)) {}

    Result<std::vector<AssetCategory>> asset_categories() override;
    Result<std::optional<AssetCategory>> asset_category(const std::string& code) override;
    Result<std::vector<AssetCard>> asset_cards() override;
    Result<std::optional<AssetCard>> asset_card(Id id) override;
    Result<std::optional<AssetCard>> asset_card_by_number(const std::string& number) override;
    Result<std::optional<AssetCard>> asset_card_of_device(Id device_id) override;
    Result<std::vector<AssetEvent>> asset_events(Id asset_id) override;
    Result<std::optional<AssetDisposal>> disposal_of(Id asset_id) override;
    Result<std::optional<MonthClose>> latest_month_close() override;
    Result<std::optional<MonthClose>> month_close(AccountingMonth month) override;
    Result<std::vector<DepreciationLine>> depreciation_lines(AccountingMonth month) override;
    Result<std::optional<DepreciationLine>> depreciation_line(Id asset_id, AccountingMonth month) override;
    Result<std::int64_t> hours_out(Id device_id, Timestamp from, Timestamp to) override;
    Result<std::optional<CustodyEntry>> checkout_at(Id device_id, Timestamp at) override;
    Result<std::optional<FaultReportRecord>> fault_report(Id id) override;
    Result<std::vector<RepairOrder>> repair_orders() override;
    Result<std::optional<RepairOrder>> repair_order(Id id) override;
    Result<std::optional<RepairOrder>> open_repair_of(Id device_id) override;
    Result<std::vector<CompensationCase>> compensation_cases() override;
    Result<std::optional<CompensationCase>> compensation_case(Id id) override;
    Result<std::optional<CompensationCase>> case_of_fault_report(Id fault_report_id) override;
    Result<std::vector<CompensationEvent>> compensation_events(Id case_id) override;
    Result<std::vector<Violation>> violations_of_case(Id case_id) override;

    Result<Id> add_asset_card(const AssetCard& card, const AuditNote& note) override;
    Result<Id> add_asset_event(const AssetEvent& e, const AuditNote& note) override;
    Status set_asset_location(Id asset_id, const std::string& location, const AuditNote& note) override;
    Status set_asset_life(Id asset_id, int months, const AuditNote& note) override;
    Status set_category_life(const std::string& code, int months, const AuditNote& note) override;
    Result<Id> add_disposal(const AssetDisposal& d, const AuditNote& note) override;
    Status add_month_close(const MonthClose& m, const std::vector<DepreciationLine>& lines,
                           const AuditNote& note) override;
    Result<Id> add_repair_order(const RepairOrder& r, const AuditNote& note) override;
    Status update_repair_order(const RepairOrder& r, const AuditNote& note) override;
    Result<Id> add_compensation_case(const CompensationCase& c, const AuditNote& note) override;
    Result<Id> add_compensation_event(const CompensationEvent& e, const AuditNote& note) override;
    Result<Id> add_violation(const Violation& v, const AuditNote& note) override;

private:
    // Runs the insert, then audits it linked to the new row.
    Result<Id> insert_linked(Statement& q, const char* table, const AuditNote& note);
    Status audit_linked(const char* table, std::int64_t rowid, const AuditNote& note);
    Connection& c_;
    Audit audit_;
};

}  // namespace custody::db
