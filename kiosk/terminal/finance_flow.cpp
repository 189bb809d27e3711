// The finance screen (R3, R26): finance staff sign in with badge and PIN like a
// custodian, and see the asset register's totals at the newest closed month and the
// compensation cases: those waiting for finance's review, with the calculation, which
// they approve here, and those approved but not yet paid in full.
#include "kiosk/core/agency_time.h"
#include "kiosk/core/asset_value.h"
#include "kiosk/core/compensation_cases.h"
#include "kiosk/core/log.h"
#include "kiosk/terminal/kiosk_terminal.h"

namespace custody::terminal {

namespace {

template <class Table, class E>
std::string in_lang(Lang lang, const Table& table, E v) {
    const auto& n = named(table, v);
    return std::string(lang == Lang::Zh ? n.zh : n.en);
}

Result<FinanceCaseView> case_view(StoreTx& tx, const CompensationCase& c, const CaseProgress& p, Lang lang) {
    FinanceCaseView v;
    v.id = c.id;
    v.amount = c.liability.amount;
    v.outstanding = p.outstanding;
    v.cause = in_lang(lang, kCompensationCauses, c.liability.cause);
    v.status = in_lang(lang, kCaseStatuses, p.status);
    auto card = tx.finance().asset_card(c.asset_id);
    if (!card) return fail(card.error());
    auto liable = tx.officer(c.liable_officer_id);
    if (!liable) return fail(liable.error());
    if (*liable) v.liable = (*liable)->name + "（" + (*liable)->number + "）";
    DepreciationLine value;
    if (*card) {
        v.device_serial = (*card)->device_serial;
        value.original_value = (*card)->original_value;
    }
    value.net_book_value =
        c.liability.basis == LiabilityBasis::NetBookValue ? c.liability.basis_amount : value.original_value;
    value.accumulated = value.original_value - value.net_book_value;
    value.value_date = c.value_date;
    value.method = c.depreciation_method;
    value.policy = c.depreciation_policy;
    v.calculation = calculation_lines(c.liability, value, lang == Lang::Zh);
    return v;
}

Result<FinanceView> finance_view(CustodyStore& store, Timestamp now, Lang lang) {
    auto tx = store.begin();
    if (!tx) return fail(tx.error());
    FinanceRecords& finance = (*tx)->finance();
    FinanceView v;
    auto profile = (*tx)->profile();
    if (!profile) return fail(profile.error());
    auto latest = finance.latest_month_close();
    if (!latest) return fail(latest.error());
    const AccountingMonth month = *latest ? (*latest)->month : month_of(local_date_of(now)).previous();
    v.value_date = date_text(month.last_day());
    v.closed_figures = latest->has_value();
    auto cards = finance.asset_cards();
    if (!cards) return fail(cards.error());
    for (const auto& c : *cards) {
        auto value = value_at_end_of(finance, c, depreciation_profile_of(*profile), month);
        if (!value) return fail(value.error());
        ++v.cards;
        v.original_total += c.original_value;
        v.net_total += value->line.net_book_value;
    }
    auto cases = finance.compensation_cases();
    if (!cases) return fail(cases.error());
    for (const auto& c : *cases) {
        auto events = finance.compensation_events(c.id);
        if (!events) return fail(events.error());
        const CaseProgress p = progress_of(c, *events);
        const bool review = p.status == CaseStatus::AwaitingFinance;
        const bool owing = p.status == CaseStatus::AwaitingAcknowledgement || p.status == CaseStatus::AwaitingPayment ||
                           p.status == CaseStatus::PartlyPaid;
        if (!review && !owing) continue;
        auto cv = case_view(**tx, c, p, lang);
        if (!cv) return fail(cv.error());
        (review ? v.to_review : v.owing).push_back(std::move(*cv));
    }
    return v;
}

}  // namespace

void KioskTerminal::refresh_finance() {
    auto v = finance_view(parts_.store, parts_.clock.now(), view_.lang);
    if (!v) {
        view_.notice = v.error();
        return;
    }
    view_.finance = std::move(*v);
}

void KioskTerminal::tap_finance_approve(Id case_id) {
    if (!view_.finance_officer || view_.screen != Screen::Finance) return;
    touch();
    CaseStepRequest r;
    r.case_id = case_id;
    r.step = CaseStep::FinanceReview;
    r.by_number = view_.finance_officer->number;
    r.approved = true;
    // The screen showed the calculation from the asset card; that is what is approved.
    r.reason = "财务在终端核对计算无误 / calculation checked by finance at the kiosk";
    auto done = CompensationCases(parts_.store, parts_.clock, "kiosk").record(r);
    view_.notice = done ? Error(MessageId::KioskCaseApproved, {std::to_string(case_id)}) : done.error();
    if (done) log_event(LogLevel::Info, "finance approved compensation case " + std::to_string(case_id));
    refresh_finance();
    emit();
}

}  // namespace custody::terminal
