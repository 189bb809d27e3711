#include "kiosk/core/compensation_progress.h"

namespace custody {

CaseProgress progress_of(const CompensationCase& c, const std::vector<CompensationEvent>& events) {
    CaseProgress p;
    p.outstanding = c.liability.amount;
    for (const auto& e : events) {
        switch (e.step) {
            case CaseStep::CustodianReview:
            case CaseStep::UnitHeadReview:
            case CaseStep::FinanceReview:
                if (e.approved && !*e.approved) {
                    p.status = CaseStatus::Rejected;
                    p.outstanding = 0;
                } else if (e.step == CaseStep::CustodianReview) {
                    p.status = CaseStatus::AwaitingUnitHead;
                } else if (e.step == CaseStep::UnitHeadReview) {
                    p.status = CaseStatus::AwaitingFinance;
                } else {
                    p.status = c.liability.amount == 0 ? CaseStatus::NothingOwed : CaseStatus::AwaitingAcknowledgement;
                }
                break;
            case CaseStep::Acknowledged: p.status = CaseStatus::AwaitingPayment; break;
            case CaseStep::Payment:
                p.paid += e.amount.value_or(0);
                p.outstanding = c.liability.amount - p.paid;
                p.status = p.outstanding <= 0 ? CaseStatus::Paid : CaseStatus::PartlyPaid;
                break;
            case CaseStep::Waived:
                p.status = CaseStatus::Waived;
                p.outstanding = 0;
                break;
        }
    }
    return p;
}

bool step_allowed(const CaseProgress& p, CaseStep step) {
    if (p.closed()) return false;
    switch (step) {
        case CaseStep::CustodianReview: return p.status == CaseStatus::AwaitingCustodian;
        case CaseStep::UnitHeadReview: return p.status == CaseStatus::AwaitingUnitHead;
        case CaseStep::FinanceReview: return p.status == CaseStatus::AwaitingFinance;
        case CaseStep::Acknowledged: return p.status == CaseStatus::AwaitingAcknowledgement;
        case CaseStep::Payment: return p.status == CaseStatus::AwaitingPayment || p.status == CaseStatus::PartlyPaid;
        case CaseStep::Waived: return true;
    }
    return false;
}

}  // namespace custody
