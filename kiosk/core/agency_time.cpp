#include "kiosk/core/agency_time.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string_view>

namespace custody {

Timestamp SystemClock::now() const {
    using namespace std::chrono;
    return {duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count()};
}

bool known_time_zone(const std::string& iana_name) {
    if (iana_name.empty() || iana_name.front() == '/' || iana_name.find("..") != std::string::npos) return false;
    // Existence is not enough: "Asia" (a directory) or "zone.tab" exist too, and the C
    // library would take them and silently fall back to UTC. A zone file starts "TZif".
    const std::string path = "/usr/share/zoneinfo/" + iana_name;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return false;
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    return in.read(magic, sizeof magic) && std::string_view(magic, sizeof magic) == "TZif";
}

Status apply_time_zone(const std::string& iana_name) {
    // A name that is not in the zone database would silently become UTC in the C library.
    if (!known_time_zone(iana_name)) return fail(Error(MessageId::TimeZoneUnknown, {iana_name}));
    setenv("TZ", iana_name.c_str(), 1);
    tzset();
    return {};
}

namespace {
std::tm local_tm(Timestamp t) {
    std::time_t secs = static_cast<std::time_t>(t.ms / 1000 - (t.ms % 1000 < 0 ? 1 : 0));
    std::tm tm{};
    localtime_r(&secs, &tm);
    return tm;
}
}  // namespace

std::string format_local(Timestamp t) {
    std::tm tm = local_tm(t);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

std::string format_local_date(Timestamp t) {
    std::tm tm = local_tm(t);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::string format_utc_iso(Timestamp t) {
    std::int64_t ms = ((t.ms % 1000) + 1000) % 1000;
    std::time_t secs = static_cast<std::time_t>((t.ms - ms) / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    char out[48];
    std::snprintf(out, sizeof out, "%s.%03lldZ", buf, static_cast<long long>(ms));
    return out;
}

std::optional<Timestamp> parse_local(const std::string& text) {
    // The exact shape first: sscanf alone takes "2026-03-02T08:30" or "2026-03-02 08:30junk"
    // as a bare date (midnight), and "2026-3-2" or a negative minute as well.
    static constexpr std::string_view kShape = "dddd-dd-dd dd:dd:dd";
    if (text.size() != 10 && text.size() != 16 && text.size() != 19) return std::nullopt;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool digit = text[i] >= '0' && text[i] <= '9';
        if (kShape[i] == 'd' ? !digit : text[i] != kShape[i]) return std::nullopt;
    }
    std::tm tm{};
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    char tail = 0;
    int n = std::sscanf(text.c_str(), "%4d-%2d-%2d %2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &tail);
    if (!(n == 3 || n == 5 || n == 6)) return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    tm.tm_isdst = -1;
    std::time_t secs = mktime(&tm);
    if (secs == static_cast<std::time_t>(-1)) return std::nullopt;
    if (tm.tm_mday != d) return std::nullopt;  // 2026-02-31 normalised to March
    return Timestamp{static_cast<std::int64_t>(secs) * 1000};
}

}  // namespace custody
