#include "reports/report_text.h"

#include <cstdio>

#include "kiosk/core/agency_time.h"

namespace custody::reports {

std::string period_text(Timestamp from, Timestamp to, Lang lang) {
    return std::string(tr(lang, "期间：", "Period: ")) + format_local_date(from) + " — " +
           format_local_date(Timestamp{to.ms - 1});
}

std::string minute_text(Timestamp t) { return format_local(t).substr(0, 16); }

std::string hand_over_text(const std::optional<Timestamp>& t, const std::optional<int>& slot, Lang lang) {
    if (!t) return "";
    std::string s = minute_text(*t);
    if (slot) s += std::string(tr(lang, " 柜位 ", " slot ")) + std::to_string(*slot);
    return s;
}

std::string person_text(const std::string& name, const std::string& number) {
    if (number.empty()) return "";
    return name + "（" + number + "）";
}

std::string duration_text(std::int64_t ms, Lang lang) {
    std::int64_t s = ms / 1000;
    long long h = s / 3600, m = (s / 60) % 60, sec = s % 60;
    char buf[64];
    if (lang == Lang::Zh) {
        if (h > 0) std::snprintf(buf, sizeof buf, "%lld 小时 %02lld 分 %02lld 秒", h, m, sec);
        else std::snprintf(buf, sizeof buf, "%lld 分 %02lld 秒", m, sec);
    } else {
        if (h > 0) std::snprintf(buf, sizeof buf, "%lld h %02lld min %02lld s", h, m, sec);
        else std::snprintf(buf, sizeof buf, "%lld min %02lld s", m, sec);
    }
    return buf;
}

std::string bytes_text(std::int64_t bytes) {
    char buf[32];
    if (bytes < 1000) std::snprintf(buf, sizeof buf, "%lld B", static_cast<long long>(bytes));
    else if (bytes < 1000 * 1000) std::snprintf(buf, sizeof buf, "%.1f kB", static_cast<double>(bytes) / 1e3);
    else if (bytes < 1000LL * 1000 * 1000) std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    else std::snprintf(buf, sizeof buf, "%.2f GB", static_cast<double>(bytes) / 1e9);
    return buf;
}

}  // namespace custody::reports
