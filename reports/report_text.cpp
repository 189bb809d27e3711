#include "reports/report_text.h"

#include <cstdio>

namespace custody::reports {

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
