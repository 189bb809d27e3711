#pragma once
// What the storage port keeps for finance (R3, R9, R25, R26): asset cards and their
// history, closed depreciation months, repair orders, compensation cases and the
// violations they open. Part of every store transaction; every write is audited.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/asset_card.h"
#include "kiosk/core/audit_note.h"
#include "kiosk/core/compensation_case.h"
#include "kiosk/core/custody_entry.h"
#include "kiosk/core/depreciation.h"
#include "kiosk/core/fault_report_record.h"
#include "kiosk/core/repair_order.h"
#include "kiosk/core/result.h"

namespace custody {

enum class AssetEventKind { Registered, LocationChanged, LifeChanged, SentToRepair, BackFromRepair, Disposed, Lost };

inline constexpr NamedCode<AssetEventKind> kAssetEventKinds[] = {
    {AssetEventKind::Registered, "registered", "建卡", "registered"},
    {AssetEventKind::LocationChanged, "location_changed", "存放地点变更", "location changed"},
    {AssetEventKind::LifeChanged, "life_changed", "折旧年限变更", "useful life changed"},
    {AssetEventKind::SentToRepair, "sent_to_repair", "送修", "sent to repair"},
    {AssetEventKind::BackFromRepair, "back_from_repair", "修复返回", "back from repair"},
    {AssetEventKind::Disposed, "disposed", "报废", "disposed"},
    {AssetEventKind::Lost, "lost", "丢失", "lost"},
};

struct AssetEvent {
    Id id = 0;
    Id asset_id = 0;
    Timestamp at;
    AssetEventKind kind = AssetEventKind::Registered;
    std::string by;
    std::string detail;
};

// 报废 with its approval.
struct AssetDisposal {
    Id id = 0;
    Id asset_id = 0;
    CivilDate disposed_on;
    std::string reason;
    std::string requested_by;
    Id approved_by_id = 0;
    Fen net_book_value = 0;
    Timestamp at;
};

struct MonthClose {
    AccountingMonth month;
    Timestamp closed_at;
    std::string closed_by;
    DepreciationProfile profile;
    int assets = 0;
    Fen total_charge = 0;
};

class FinanceReads {
public:
    virtual ~FinanceReads() = default;
    virtual Result<std::vector<AssetCategory>> asset_categories() = 0;
    virtual Result<std::optional<AssetCategory>> asset_category(const std::string& code) = 0;
    // By asset number.
    virtual Result<std::vector<AssetCard>> asset_cards() = 0;
    virtual Result<std::optional<AssetCard>> asset_card(Id id) = 0;
    virtual Result<std::optional<AssetCard>> asset_card_by_number(const std::string& number) = 0;
    virtual Result<std::optional<AssetCard>> asset_card_of_device(Id device_id) = 0;
    virtual Result<std::vector<AssetEvent>> asset_events(Id asset_id) = 0;
    virtual Result<std::optional<AssetDisposal>> disposal_of(Id asset_id) = 0;
    virtual Result<std::optional<MonthClose>> latest_month_close() = 0;
    virtual Result<std::optional<MonthClose>> month_close(AccountingMonth month) = 0;
    virtual Result<std::vector<DepreciationLine>> depreciation_lines(AccountingMonth month) = 0;
    virtual Result<std::optional<DepreciationLine>> depreciation_line(Id asset_id, AccountingMonth month) = 0;
    // Whole hours the device spent out on checkouts between the two times (the workload
    // method's use), a checkout still open counted up to `to`.
    virtual Result<std::int64_t> hours_out(Id device_id, Timestamp from, Timestamp to) = 0;
    // The newest checkout of the device at or before the time, if any.
    virtual Result<std::optional<CustodyEntry>> checkout_at(Id device_id, Timestamp at) = 0;
    virtual Result<std::optional<FaultReportRecord>> fault_report(Id id) = 0;
    // Oldest first.
    virtual Result<std::vector<RepairOrder>> repair_orders() = 0;
    virtual Result<std::optional<RepairOrder>> repair_order(Id id) = 0;
    virtual Result<std::optional<RepairOrder>> open_repair_of(Id device_id) = 0;
    virtual Result<std::vector<CompensationCase>> compensation_cases() = 0;
    virtual Result<std::optional<CompensationCase>> compensation_case(Id id) = 0;
    virtual Result<std::optional<CompensationCase>> case_of_fault_report(Id fault_report_id) = 0;
    virtual Result<std::vector<CompensationEvent>> compensation_events(Id case_id) = 0;
    virtual Result<std::vector<Violation>> violations_of_case(Id case_id) = 0;
};

class FinanceWrites {
public:
    virtual ~FinanceWrites() = default;
    virtual Result<Id> add_asset_card(const AssetCard& card, const AuditNote& note) = 0;
    virtual Result<Id> add_asset_event(const AssetEvent& e, const AuditNote& note) = 0;
    virtual Status set_asset_location(Id asset_id, const std::string& location, const AuditNote& note) = 0;
    virtual Status set_asset_life(Id asset_id, int months, const AuditNote& note) = 0;
    virtual Status set_category_life(const std::string& code, int months, const AuditNote& note) = 0;
    // Also marks the card disposed on that day.
    virtual Result<Id> add_disposal(const AssetDisposal& d, const AuditNote& note) = 0;
    // The month and every line of it, one audited record.
    virtual Status add_month_close(const MonthClose& m, const std::vector<DepreciationLine>& lines,
                                   const AuditNote& note) = 0;
    virtual Result<Id> add_repair_order(const RepairOrder& r, const AuditNote& note) = 0;
    // Writes the values the stored order does not have yet; a value it has is kept.
    virtual Status update_repair_order(const RepairOrder& r, const AuditNote& note) = 0;
    virtual Result<Id> add_compensation_case(const CompensationCase& c, const AuditNote& note) = 0;
    virtual Result<Id> add_compensation_event(const CompensationEvent& e, const AuditNote& note) = 0;
    virtual Result<Id> add_violation(const Violation& v, const AuditNote& note) = 0;
};

// A store transaction's finance tables: `tx.finance()`, valid until the transaction ends.
class FinanceRecords : public FinanceReads, public FinanceWrites {};

}  // namespace custody
