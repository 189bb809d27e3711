// R26: where a case stands is read from its events alone: the chain custodian → unit
// head → finance, a rejection ending it, acknowledgement, partial payments, a waiver.
#include <gtest/gtest.h>

#include "kiosk/core/compensation_progress.h"

namespace custody {
namespace {

CompensationCase case_owing(Fen amount) {
    CompensationCase c;
    c.liability.amount = amount;
    return c;
}

CompensationEvent event(CaseStep s, std::optional<bool> approved = std::nullopt, std::optional<Fen> amount = std::nullopt) {
    CompensationEvent e;
    e.step = s;
    e.approved = approved;
    e.amount = amount;
    return e;
}

TEST(CompensationProgress, TheChainThenAcknowledgementThenPayments) {
    const auto c = case_owing(125000);
    std::vector<CompensationEvent> ev;
    EXPECT_EQ(progress_of(c, ev).status, CaseStatus::AwaitingCustodian);
    EXPECT_TRUE(step_allowed(progress_of(c, ev), CaseStep::CustodianReview));
    EXPECT_FALSE(step_allowed(progress_of(c, ev), CaseStep::FinanceReview));
    ev.push_back(event(CaseStep::CustodianReview, true));
    EXPECT_EQ(progress_of(c, ev).status, CaseStatus::AwaitingUnitHead);
    ev.push_back(event(CaseStep::UnitHeadReview, true));
    EXPECT_EQ(progress_of(c, ev).status, CaseStatus::AwaitingFinance);
    ev.push_back(event(CaseStep::FinanceReview, true));
    EXPECT_EQ(progress_of(c, ev).status, CaseStatus::AwaitingAcknowledgement);
    EXPECT_FALSE(step_allowed(progress_of(c, ev), CaseStep::Payment));
    ev.push_back(event(CaseStep::Acknowledged));
    ev.push_back(event(CaseStep::Payment, std::nullopt, 50000));
    auto p = progress_of(c, ev);
    EXPECT_EQ(p.status, CaseStatus::PartlyPaid);
    EXPECT_EQ(p.paid, 50000);
    EXPECT_EQ(p.outstanding, 75000);
    EXPECT_TRUE(step_allowed(p, CaseStep::Payment));
    ev.push_back(event(CaseStep::Payment, std::nullopt, 75000));
    p = progress_of(c, ev);
    EXPECT_EQ(p.status, CaseStatus::Paid);
    EXPECT_EQ(p.outstanding, 0);
    EXPECT_TRUE(p.closed());
    EXPECT_FALSE(step_allowed(p, CaseStep::Waived));
}

TEST(CompensationProgress, ARejectionAtAnyReviewEndsTheCase) {
    const auto c = case_owing(1000);
    for (CaseStep s : {CaseStep::CustodianReview, CaseStep::UnitHeadReview, CaseStep::FinanceReview}) {
        std::vector<CompensationEvent> ev;
        if (s != CaseStep::CustodianReview) ev.push_back(event(CaseStep::CustodianReview, true));
        if (s == CaseStep::FinanceReview) ev.push_back(event(CaseStep::UnitHeadReview, true));
        ev.push_back(event(s, false));
        const auto p = progress_of(c, ev);
        EXPECT_EQ(p.status, CaseStatus::Rejected);
        EXPECT_EQ(p.outstanding, 0);
        EXPECT_TRUE(p.closed());
    }
}

TEST(CompensationProgress, AWaiverAfterAPartPaymentWaivesTheRest) {
    const auto c = case_owing(1000);
    std::vector<CompensationEvent> ev = {event(CaseStep::CustodianReview, true), event(CaseStep::UnitHeadReview, true),
                                         event(CaseStep::FinanceReview, true), event(CaseStep::Acknowledged),
                                         event(CaseStep::Payment, std::nullopt, 400)};
    EXPECT_TRUE(step_allowed(progress_of(c, ev), CaseStep::Waived));
    ev.push_back(event(CaseStep::Waived));
    const auto p = progress_of(c, ev);
    EXPECT_EQ(p.status, CaseStatus::Waived);
    EXPECT_EQ(p.paid, 400);
    EXPECT_EQ(p.outstanding, 0);
}

TEST(CompensationProgress, NothingOwedClosesOnceFinanceApproves) {
    const auto c = case_owing(0);
    std::vector<CompensationEvent> ev = {event(CaseStep::CustodianReview, true), event(CaseStep::UnitHeadReview, true)};
    EXPECT_FALSE(progress_of(c, ev).closed());
    ev.push_back(event(CaseStep::FinanceReview, true));
    EXPECT_EQ(progress_of(c, ev).status, CaseStatus::NothingOwed);
    EXPECT_FALSE(step_allowed(progress_of(c, ev), CaseStep::Acknowledged));
}

}  // namespace
}  // namespace custody
