#include "kiosk/core/accounting_month.h"

#include <cstdio>

namespace custody {

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && is_leap_year(y)) return 29;
    return kDays[m - 1];
}

CivilDate AccountingMonth::last_day() const { return {year, month, days_in_month(year, month)}; }

namespace {
bool shaped(const std::string& text, std::string_view shape) {
    if (text.size() != shape.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool digit = text[i] >= '0' && text[i] <= '9';
        if (shape[i] == 'd' ? !digit : text[i] != shape[i]) return false;
    }
    return true;
}
}  // namespace

std::optional<CivilDate> parse_civil_date(const std::string& text) {
    if (!shaped(text, "dddd-dd-dd")) return std::nullopt;
    CivilDate d{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2))};
    if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
        return std::nullopt;
    return d;
}

std::string date_text(const CivilDate& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::optional<AccountingMonth> parse_month(const std::string& text) {
    if (!shaped(text, "dddd-dd")) return std::nullopt;
    AccountingMonth m{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2))};
    if (m.year < 1900 || m.month < 1 || m.month > 12) return std::nullopt;
    return m;
}

std::string month_text(const AccountingMonth& m) {
    char buf[12];
    std::snprintf(buf, sizeof buf, "%04d-%02d", m.year, m.month);
    return buf;
}

namespace {
// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
int day_number(const CivilDate& d) {
    const int y = d.year - (d.month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int mp = (d.month + 9) % 12;
    const int doy = (153 * mp + 2) / 5 + d.day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
}  // namespace

int days_between(const CivilDate& from, const CivilDate& to) { return day_number(to) - day_number(from); }

}  // namespace custody
