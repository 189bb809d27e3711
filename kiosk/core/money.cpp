#include "kiosk/core/money.h"

#include <cctype>
#include <stdexcept>

namespace custody {

namespace {
constexpr std::int64_t kMaxYuan = 999'999'999'999;  // well inside int64 as fen

// "12.34" → 1234: a non-negative decimal with at most two places, in hundredths.
Result<std::int64_t> decimal_in_hundredths(const std::string& raw, const std::string& shown, MessageId bad) {
    std::string s;
    for (char c : raw)
        if (c != ',' && c != ' ') s += c;
    if (s.rfind("\xC2\xA5", 0) == 0) s = s.substr(2);  // ¥
    else if (s.rfind("\xEF\xBF\xA5", 0) == 0) s = s.substr(3);  // ￥
    const auto dot = s.find('.');
    const std::string whole = s.substr(0, dot);
    const std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
    auto digits = [](const std::string& d) {
        for (char c : d)
            if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        return true;
    };
    if (whole.empty() || !digits(whole) || !digits(frac) || (dot != std::string::npos && frac.empty()) ||
        frac.size() > 2 || whole.size() > 12)
        return fail(Error(bad, {shown}));
    std::int64_t w = std::stoll(whole);
    if (w > kMaxYuan) return fail(Error(bad, {shown}));
    std::string f = frac;
    while (f.size() < 2) f += '0';
    return w * 100 + std::stoll(f);
}
}  // namespace

Result<Fen> parse_yuan(const std::string& text) {
    return decimal_in_hundredths(text, text, MessageId::MoneyMalformed);
}

std::string yuan_text(Fen amount) {
    const bool negative = amount < 0;
    const std::uint64_t a = negative ? 0ull - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
    std::string cents = std::to_string(a % 100);
    if (cents.size() < 2) cents = "0" + cents;
    return (negative ? "-" : "") + std::to_string(a / 100) + "." + cents;
}

std::string yuan_grouped(Fen amount) {
    std::string plain = yuan_text(amount);
    const bool negative = !plain.empty() && plain[0] == '-';
    if (negative) plain = plain.substr(1);
    const auto dot = plain.find('.');
    std::string whole = plain.substr(0, dot);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
        grouped += whole[i];
    }
    return (negative ? "-" : "") + grouped + plain.substr(dot);
}

Fen divide_half_up(std::int64_t a, std::int64_t b, std::int64_t denominator) {
    if (a < 0 || b < 0 || denominator <= 0) throw std::logic_error("divide_half_up: negative or zero operand");
    const __int128 n = static_cast<__int128>(a) * b;
    const __int128 q = (2 * n + denominator) / (2 * static_cast<__int128>(denominator));
    return static_cast<Fen>(q);
}

Result<std::int64_t> parse_rate_bp(const std::string& text) {
    std::string s = text;
    while (!s.empty() && s.back() == ' ') s.pop_back();
    if (s.empty() || s.back() != '%') return fail(Error(MessageId::RateMalformed, {text}));
    s.pop_back();
    // Percent with up to two decimals is basis points exactly.
    auto v = decimal_in_hundredths(s, text, MessageId::RateMalformed);
    if (!v) return fail(v.error());
    if (*v > 10'000) return fail(Error(MessageId::RateMalformed, {text}));
    return *v;
}

std::string rate_text(std::int64_t bp) {
    std::string out = std::to_string(bp / 100);
    if (const auto rest = bp % 100; rest != 0) {
        std::string d = std::to_string(rest);
        if (d.size() < 2) d = "0" + d;
        if (d.back() == '0') d.pop_back();
        out += "." + d;
    }
    return out + "%";
}

Fen apply_rate(Fen amount, std::int64_t bp) { return divide_half_up(amount, bp, 10'000); }

}  // namespace custody
