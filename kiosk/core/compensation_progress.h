#pragma once
// Where a compensation case stands, read from its events: the approval chain custodian →
// unit head → finance (each with a reason; a rejection ends the case), the officer's
// acknowledgement of the notice, payments until the amount is paid, or a waiver.

#include <vector>

#include "kiosk/core/compensation_case.h"

namespace custody {

enum class CaseStatus {
    AwaitingCustodian, AwaitingUnitHead, AwaitingFinance, AwaitingAcknowledgement, AwaitingPayment, PartlyPaid,
    Paid, NothingOwed, Rejected, Waived
};

inline constexpr NamedCode<CaseStatus> kCaseStatuses[] = {
    {CaseStatus::AwaitingCustodian, "awaiting_custodian", "待保管员审核", "awaiting the custodian"},
    {CaseStatus::AwaitingUnitHead, "awaiting_unit_head", "待单位负责人审批", "awaiting the unit head"},
    {CaseStatus::AwaitingFinance, "awaiting_finance", "待财务审核", "awaiting finance"},
    {CaseStatus::AwaitingAcknowledgement, "awaiting_acknowledgement", "待当事人确认", "awaiting the officer"},
    {CaseStatus::AwaitingPayment, "awaiting_payment", "待缴款", "awaiting payment"},
    {CaseStatus::PartlyPaid, "partly_paid", "部分缴款", "partly paid"},
    {CaseStatus::Paid, "paid", "已缴清", "paid"},
    {CaseStatus::NothingOwed, "nothing_owed", "无需赔偿", "nothing owed"},
    {CaseStatus::Rejected, "rejected", "审核未通过", "rejected"},
    {CaseStatus::Waived, "waived", "已免予赔偿", "waived"},
};

struct CaseProgress {
    CaseStatus status = CaseStatus::AwaitingCustodian;
    Fen paid = 0;
    Fen outstanding = 0;
    bool closed() const {
        return status == CaseStatus::Paid || status == CaseStatus::NothingOwed || status == CaseStatus::Rejected ||
               status == CaseStatus::Waived;
    }
};

CaseProgress progress_of(const CompensationCase& c, const std::vector<CompensationEvent>& events);

// The step the case waits for (reviews, acknowledgement, payment); a waiver may come at
// any point before it is closed.
bool step_allowed(const CaseProgress& p, CaseStep step);

}  // namespace custody
