#pragma once
// R26: a loss or damage case as it was opened (liable person and amount fixed from the
// ledger and the asset card) and the steps after it: the approval chain custodian →
// unit head → finance, the officer's acknowledgement, payments, a waiver.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/compensation_liability.h"

namespace custody {

enum class CaseSource { FaultReport, Reconciliation, Custodian };

inline constexpr NamedCode<CaseSource> kCaseSources[] = {
    {CaseSource::FaultReport, "fault_report", "归还故障报告", "fault report"},
    {CaseSource::Reconciliation, "reconciliation", "盘点差异", "reconciliation discrepancy"},
    {CaseSource::Custodian, "custodian", "保管员登记", "custodian"},
};

// Who the case names: the officer the ledger shows holding the device, or (when it was
// not out) its named keeper (R4).
enum class LiableBasis { LedgerHolder, Keeper };

inline constexpr NamedCode<LiableBasis> kLiableBases[] = {
    {LiableBasis::LedgerHolder, "ledger_holder", "台账显示的领用人", "holder in the ledger"},
    {LiableBasis::Keeper, "keeper", "设备保管人", "the device's keeper"},
};

struct CompensationCase {
    Id id = 0;
    Id device_id = 0;
    Id asset_id = 0;
    CaseSource source = CaseSource::Custodian;
    std::optional<Id> fault_report_id;
    std::optional<Id> reconciliation_id;
    bool loss = false;  // lost, not damaged
    Timestamp incident_at;
    Timestamp opened_at;
    std::string opened_by;
    Id liable_officer_id = 0;
    LiableBasis liable_basis = LiableBasis::Keeper;
    std::optional<Id> holding_entry_id;  // the checkout that made them the holder
    Liability liability;
    CivilDate value_date;
    DepreciationMethod depreciation_method = DepreciationMethod::StraightLine;
    DepreciationPolicy depreciation_policy = DepreciationPolicy::Government;
    bool value_from_closed_month = false;
    std::string note;
};

enum class CaseStep { CustodianReview, UnitHeadReview, FinanceReview, Acknowledged, Payment, Waived };

inline constexpr NamedCode<CaseStep> kCaseSteps[] = {
    {CaseStep::CustodianReview, "custodian_review", "保管员审核", "custodian review"},
    {CaseStep::UnitHeadReview, "unit_head_review", "单位负责人审批", "unit head approval"},
    {CaseStep::FinanceReview, "finance_review", "财务审核", "finance review"},
    {CaseStep::Acknowledged, "acknowledged", "当事人确认", "acknowledged by the officer"},
    {CaseStep::Payment, "payment", "缴款", "payment"},
    {CaseStep::Waived, "waived", "免予赔偿", "waived"},
};

struct CompensationEvent {
    Id id = 0;
    Id case_id = 0;
    Timestamp at;
    CaseStep step = CaseStep::CustodianReview;
    Id by_id = 0;
    std::optional<bool> approved;  // reviews only
    std::string reason;
    std::optional<Fen> amount;  // payments
    std::optional<CivilDate> paid_on;
    std::optional<std::string> receipt_number;
};

enum class ViolationKind {
    NotCarriedOrUsed, DeletedOrAltered, MisuseOrLending, PrivateCopyOrLeak, DeliberateDamage, LossPoorKeeping
};

inline constexpr NamedCode<ViolationKind> kViolationKinds[] = {
    {ViolationKind::NotCarriedOrUsed, "not_carried_or_used", "未按规定佩戴使用", "not carried or not used"},
    {ViolationKind::DeletedOrAltered, "deleted_or_altered", "删除、修改音视频资料", "footage deleted or altered"},
    {ViolationKind::MisuseOrLending, "misuse_or_lending", "违规使用或转借", "misuse or lending"},
    {ViolationKind::PrivateCopyOrLeak, "private_copy_or_leak", "私自复制、泄露", "private copying or leaking"},
    {ViolationKind::DeliberateDamage, "deliberate_damage", "故意损坏设备", "deliberate damage"},
    {ViolationKind::LossPoorKeeping, "loss_poor_keeping", "保管不善致丢失", "loss through poor keeping"},
};

// R25: a violation on the register, here opened by a compensation case.
struct Violation {
    Id id = 0;
    Id officer_id = 0;
    ViolationKind kind = ViolationKind::DeliberateDamage;
    Timestamp opened_at;
    std::string opened_by;
    std::optional<Id> compensation_case_id;
    std::string note;
};

}  // namespace custody
