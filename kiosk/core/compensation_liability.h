#pragma once
// R26: what a person owes for a lost or damaged device, from its asset card. Poor keeping
// or misuse (negligence): the net book value at the value date × the agency's rate.
// Deliberate damage: the original price (and a violation record, R25). Force majeure:
// nothing. Amounts are fen, the rate is applied half up.

#include <string>
#include <vector>

#include "kiosk/core/depreciation.h"
#include "kiosk/core/named_code.h"

namespace custody {

enum class CompensationCause { PoorKeeping, Misuse, Deliberate, ForceMajeure };

inline constexpr NamedCode<CompensationCause> kCompensationCauses[] = {
    {CompensationCause::PoorKeeping, "poor_keeping", "保管不善", "poor keeping"},
    {CompensationCause::Misuse, "misuse", "使用不当", "misuse"},
    {CompensationCause::Deliberate, "deliberate", "故意损坏", "deliberate damage"},
    {CompensationCause::ForceMajeure, "force_majeure", "不可抗力", "force majeure"},
};

enum class LiabilityBasis { NetBookValue, OriginalValue, None };

inline constexpr NamedCode<LiabilityBasis> kLiabilityBases[] = {
    {LiabilityBasis::NetBookValue, "net_book_value", "账面净值", "net book value"},
    {LiabilityBasis::OriginalValue, "original_value", "原值", "original value"},
    {LiabilityBasis::None, "none", "不予赔偿", "no liability"},
};

struct Liability {
    CompensationCause cause = CompensationCause::PoorKeeping;
    LiabilityBasis basis = LiabilityBasis::None;
    Fen basis_amount = 0;
    std::int64_t rate_bp = 0;
    Fen amount = 0;
};

// `value` is the asset's figures at the value date (the month before the incident).
Liability liability_for(CompensationCause cause, const DepreciationLine& value, std::int64_t negligence_rate_bp);

// Deliberate damage is disciplined as well as paid for (R25, R26).
constexpr bool opens_violation(CompensationCause c) { return c == CompensationCause::Deliberate; }

// The calculation line by line, as the compensation notice prints it.
std::vector<std::string> calculation_lines(const Liability& l, const DepreciationLine& value, bool zh);

}  // namespace custody
