#include "kiosk/media/posix_tz_rule.h"

#include <cctype>

#include "kiosk/media/stated_time.h"

namespace custody::media {
namespace {

class Cursor {
public:
    explicit Cursor(std::string_view s) : s_(s) {}
    bool done() const { return i_ == s_.size(); }
    bool at(char c) const { return i_ < s_.size() && s_[i_] == c; }
    bool take(char c) {
        if (!at(c)) return false;
        ++i_;
        return true;
    }
    // A zone abbreviation: three or more letters, or anything between < and >.
    bool name() {
        if (take('<')) {
            const std::size_t start = i_;
            while (i_ < s_.size() && s_[i_] != '>') ++i_;
            return i_ - start >= 1 && take('>');
        }
        const std::size_t start = i_;
        while (i_ < s_.size() && std::isalpha(static_cast<unsigned char>(s_[i_]))) ++i_;
        return i_ - start >= 3;
    }
    bool number(int max_digits, int& out) {
        int n = 0, v = 0;
        while (n < max_digits && i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) {
            v = v * 10 + (s_[i_++] - '0');
            ++n;
        }
        out = v;
        return n > 0;
    }
    // [+-]hh[:mm[:ss]] in seconds; hours up to 167, as TZif version 3 allows for times.
    bool duration(int& out) {
        int sign = 1;
        if (take('-')) sign = -1;
        else take('+');
        int h = 0, m = 0, s = 0;
        if (!number(3, h) || h > 167) return false;
        if (take(':')) {
            if (!number(2, m) || m > 59) return false;
            if (take(':') && (!number(2, s) || s > 59)) return false;
        }
        out = sign * (h * 3600 + m * 60 + s);
        return true;
    }

private:
    std::string_view s_;
    std::size_t i_ = 0;
};

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

std::int64_t PosixTzRule::Change::local_s(std::int64_t year) const {
    std::int64_t day_index = 0;  // days since 1970-01-01
    const std::int64_t jan1 = days_from_civil(year, 1, 1);
    switch (form) {
        case Form::Julian1:  // 1..365, February 29 never counted
            day_index = jan1 + day - 1 + (is_leap(year) && day >= 60 ? 1 : 0);
            break;
        case Form::Julian0:
            day_index = jan1 + day;
            break;
        case Form::MonthWeekDay: {
            const std::int64_t first = days_from_civil(year, month, 1);
            const int first_weekday = static_cast<int>(((first % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday
            std::int64_t d = first + (day - first_weekday + 7) % 7 + 7 * (week - 1);
            const int month_days = static_cast<int>(
                (month == 12 ? days_from_civil(year + 1, 1, 1) : days_from_civil(year, month + 1, 1)) - first);
            while (d - first >= month_days) d -= 7;  // week 5 is the last such weekday
            day_index = d;
            break;
        }
    }
    return day_index * 86400 + time_s;
}

std::optional<PosixTzRule> PosixTzRule::parse(std::string_view text) {
    Cursor c(text);
    PosixTzRule r;
    int west = 0;
    if (!c.name() || !c.duration(west)) return std::nullopt;
    r.std_offset_ = -west;  // POSIX counts hours west of Greenwich
    if (c.done()) return r;
    if (!c.name()) return std::nullopt;
    r.dst_offset_ = r.std_offset_ + 3600;
    if (!c.at(',') && !c.done()) {
        if (!c.duration(west)) return std::nullopt;
        r.dst_offset_ = -west;
    }
    if (c.done()) {
        // No rule given: the United States' since 2007, as glibc assumes.
        r.start_ = {Change::Form::MonthWeekDay, 0, 3, 2, 2 * 3600};
        r.end_ = {Change::Form::MonthWeekDay, 0, 11, 1, 2 * 3600};
        return r;
    }
    auto change = [&c](Change& ch) {
        if (!c.take(',')) return false;
        if (c.take('M')) {
            ch.form = Change::Form::MonthWeekDay;
            if (!c.number(2, ch.month) || ch.month < 1 || ch.month > 12 || !c.take('.')) return false;
            if (!c.number(1, ch.week) || ch.week < 1 || ch.week > 5 || !c.take('.')) return false;
            if (!c.number(1, ch.day) || ch.day > 6) return false;
        } else if (c.take('J')) {
            ch.form = Change::Form::Julian1;
            if (!c.number(3, ch.day) || ch.day < 1 || ch.day > 365) return false;
        } else {
            ch.form = Change::Form::Julian0;
            if (!c.number(3, ch.day) || ch.day > 365) return false;
        }
        ch.time_s = 2 * 3600;
        if (c.take('/') && !c.duration(ch.time_s)) return false;
        return true;
    };
    if (!change(r.start_) || !change(r.end_) || !c.done()) return std::nullopt;
    return r;
}

int PosixTzRule::utc_offset_at(std::int64_t utc_s) const {
    if (!dst_offset_) return std_offset_;
    const std::int64_t local = utc_s + std_offset_;
    std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    // The civil year of `days`: estimate, then correct by at most one.
    std::int64_t year = 1970 + days / 365;
    while (days_from_civil(year, 1, 1) > days) --year;
    while (days_from_civil(year + 1, 1, 1) <= days) ++year;
    // The start is stated in standard time, the end in daylight time.
    const std::int64_t start = start_.local_s(year) - std_offset_;
    const std::int64_t end = end_.local_s(year) - *dst_offset_;
    const bool dst = start < end ? (utc_s >= start && utc_s < end) : !(utc_s >= end && utc_s < start);
    return dst ? *dst_offset_ : std_offset_;
}

}  // namespace custody::media
