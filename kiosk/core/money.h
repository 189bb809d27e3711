#pragma once
// Money is counted in whole fen (分) in a 64-bit integer: no floating point touches an
// amount. Every division rounds half up to the fen (四舍五入), the convention Chinese
// accounting uses, and says so where the figure is printed.

#include <cstdint>
#include <string>

#include "kiosk/core/result.h"

namespace custody {

using Fen = std::int64_t;

// "1234.56", "1234.5", "1234", "1,234.56", "¥1234.56": a non-negative amount in yuan with
// at most two decimals. Anything else (a third decimal, a sign, letters) is refused.
Result<Fen> parse_yuan(const std::string& text);
// "1234.56" (no thousands separator: what CSV and spreadsheet cells take).
std::string yuan_text(Fen amount);
// "1,234.56" for printed documents.
std::string yuan_grouped(Fen amount);

// numerator / denominator rounded half up; both non-negative, denominator > 0. Exact for
// every product of two amounts the product handles (128-bit intermediate).
Fen divide_half_up(std::int64_t numerator_a, std::int64_t numerator_b, std::int64_t denominator);

// A rate in basis points (1/10000): "50%", "12.5%", "100%". 0 ≤ rate ≤ 100%.
Result<std::int64_t> parse_rate_bp(const std::string& text);
// "50%", "12.5%".
std::string rate_text(std::int64_t basis_points);
// amount × rate, rounded half up to the fen.
Fen apply_rate(Fen amount, std::int64_t basis_points);

}  // namespace custody
