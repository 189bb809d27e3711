#pragma once
// Calendar dates and accounting months as finance writes them: 2026-02-29 does not exist,
// 2024-02-29 does. Plain values, no time zone: an asset's purchase or in-service date is a
// day on the agency's calendar.

#include <compare>
#include <optional>
#include <string>


namespace custody {

struct CivilDate {
    int year = 0, month = 0, day = 0;
    auto operator<=>(const CivilDate&) const = default;
};

struct AccountingMonth {
    int year = 0, month = 0;  // month 1..12
    auto operator<=>(const AccountingMonth&) const = default;
    int index() const { return year * 12 + (month - 1); }
    static AccountingMonth from_index(int i) { return {i / 12, i % 12 + 1}; }
    AccountingMonth next() const { return from_index(index() + 1); }
    AccountingMonth previous() const { return from_index(index() - 1); }
    CivilDate last_day() const;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

// "YYYY-MM-DD" naming a real day; none otherwise.
std::optional<CivilDate> parse_civil_date(const std::string& text);
std::string date_text(const CivilDate& d);
// "YYYY-MM"; none otherwise.
std::optional<AccountingMonth> parse_month(const std::string& text);
std::string month_text(const AccountingMonth& m);

inline AccountingMonth month_of(const CivilDate& d) { return {d.year, d.month}; }

// Days from `from` to `to` (negative when `to` is earlier).
int days_between(const CivilDate& from, const CivilDate& to);

}  // namespace custody
