#include "kiosk/cli/date_options.h"

#include <cstdio>

#include "kiosk/core/agency_time.h"

namespace custody::cli {

Result<std::optional<Timestamp>> time_option(const Args& a, const char* name, bool end_of_day) {
    auto v = a.get(name);
    if (!v) return std::optional<Timestamp>();
    auto t = parse_local(*v);
    if (!t) return fail(usage(std::string("--") + name + " takes YYYY-MM-DD or \"YYYY-MM-DD HH:MM\""));
    if (end_of_day && v->size() == 10) t->ms += kMsPerDay;
    return std::optional<Timestamp>(*t);
}

Result<std::optional<std::pair<Timestamp, Timestamp>>> month_option(const Args& a, const char* name) {
    auto v = a.get(name);
    if (!v) return std::optional<std::pair<Timestamp, Timestamp>>();
    int year = 0, month = 0;
    char tail = 0;
    if (v->size() != 7 || std::sscanf(v->c_str(), "%4d-%2d%c", &year, &month, &tail) != 2 || month < 1 || month > 12)
        return fail(usage(std::string("--") + name + " takes YYYY-MM"));
    auto first = parse_local(*v + "-01");
    char next[32];
    std::snprintf(next, sizeof next, "%04d-%02d-01", (month == 12 ? year + 1 : year) % 10000, month == 12 ? 1 : month + 1);
    auto end = parse_local(next);
    if (!first || !end) return fail(usage(std::string("--") + name + " takes YYYY-MM"));
    return std::optional<std::pair<Timestamp, Timestamp>>(std::make_pair(*first, *end));
}

}  // namespace custody::cli
