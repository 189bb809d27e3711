#include "kiosk/core/compensation_liability.h"

namespace custody {

Liability liability_for(CompensationCause cause, const DepreciationLine& value, std::int64_t negligence_rate_bp) {
    Liability l;
    l.cause = cause;
    switch (cause) {
        case CompensationCause::PoorKeeping:
        case CompensationCause::Misuse:
            l.basis = LiabilityBasis::NetBookValue;
            l.basis_amount = value.net_book_value;
            l.rate_bp = negligence_rate_bp;
            l.amount = apply_rate(l.basis_amount, l.rate_bp);
            break;
        case CompensationCause::Deliberate:
            l.basis = LiabilityBasis::OriginalValue;
            l.basis_amount = value.original_value;
            l.rate_bp = 10'000;
            l.amount = l.basis_amount;
            break;
        case CompensationCause::ForceMajeure:
            l.basis = LiabilityBasis::None;
            break;
    }
    return l;
}

std::vector<std::string> calculation_lines(const Liability& l, const DepreciationLine& v, bool zh) {
    const auto& method = named(kDepreciationMethods, v.method);
    const auto& policy = named(kDepreciationPolicies, v.policy);
    const std::string method_name(zh ? method.zh : method.en);
    const std::string policy_name(zh ? policy.zh : policy.en);
    std::vector<std::string> out;
    out.push_back((zh ? "原值：" : "Original value: ") + yuan_grouped(v.original_value));
    out.push_back(zh ? "累计折旧：" + yuan_grouped(v.accumulated) + "（" + method_name + "，" + policy_name + "，价值日期 " +
                           date_text(v.value_date) + "）"
                     : "Accumulated depreciation: " + yuan_grouped(v.accumulated) + " (" + method_name + ", " +
                           policy_name + ", value date " + date_text(v.value_date) + ")");
    out.push_back((zh ? "账面净值：" : "Net book value: ") + yuan_grouped(v.original_value) + " - " +
                  yuan_grouped(v.accumulated) + " = " + yuan_grouped(v.net_book_value));
    switch (l.basis) {
        case LiabilityBasis::NetBookValue:
            out.push_back((zh ? "赔偿金额：账面净值 " : "Compensation: net book value ") + yuan_grouped(l.basis_amount) +
                          " × " + rate_text(l.rate_bp) + " = " + yuan_grouped(l.amount) +
                          (zh ? "（四舍五入到分）" : " (rounded half up to the fen)"));
            break;
        case LiabilityBasis::OriginalValue:
            out.push_back((zh ? "赔偿金额：故意损坏，按原值赔偿 " : "Compensation: deliberate damage, the original price ") +
                          yuan_grouped(l.amount));
            break;
        case LiabilityBasis::None:
            out.push_back(zh ? "赔偿金额：不可抗力，不予赔偿 0.00" : "Compensation: force majeure, none 0.00");
            break;
    }
    return out;
}

}  // namespace custody
