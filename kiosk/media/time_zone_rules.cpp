#include "kiosk/media/time_zone_rules.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "kiosk/core/agency_time.h"

namespace custody::media {
namespace {

class Bytes {
public:
    explicit Bytes(std::string_view s) : s_(s) {}
    bool have(std::size_t n) const { return s_.size() - i_ >= n; }
    bool skip(std::size_t n) {
        if (!have(n)) return false;
        i_ += n;
        return true;
    }
    std::int64_t be(int width) {  // caller has checked have(width)
        std::uint64_t v = 0;
        for (int k = 0; k < width; ++k) v = (v << 8) | static_cast<unsigned char>(s_[i_++]);
        if (width == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
        return static_cast<std::int64_t>(v);
    }
    std::uint8_t byte() { return static_cast<unsigned char>(s_[i_++]); }
    std::string_view rest() const { return s_.substr(i_); }

private:
    std::string_view s_;
    std::size_t i_ = 0;
};

struct Header {
    char version = 0;
    std::int64_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
};

std::optional<Header> header(Bytes& b) {
    if (!b.have(44) || b.rest().substr(0, 4) != "TZif") return std::nullopt;
    Header h;
    h.version = b.rest()[4];
    b.skip(20);
    h.isutcnt = b.be(4);
    h.isstdcnt = b.be(4);
    h.leapcnt = b.be(4);
    h.timecnt = b.be(4);
    h.typecnt = b.be(4);
    h.charcnt = b.be(4);
    if (h.isutcnt < 0 || h.isstdcnt < 0 || h.leapcnt < 0 || h.timecnt < 0 || h.typecnt < 1 || h.charcnt < 0)
        return std::nullopt;
    return h;
}

std::size_t block_size(const Header& h, int time_width) {
    return static_cast<std::size_t>(h.timecnt * time_width + h.timecnt + h.typecnt * 6 + h.charcnt +
                                    h.leapcnt * (time_width + 4) + h.isstdcnt + h.isutcnt);
}

}  // namespace

std::optional<TimeZoneRules> TimeZoneRules::load(const std::string& iana_name) {
    if (!known_time_zone(iana_name)) return std::nullopt;
    std::ifstream in("/usr/share/zoneinfo/" + iana_name, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto rules = parse(bytes);
    if (rules) rules->name_ = iana_name;
    return rules;
}

std::optional<TimeZoneRules> TimeZoneRules::parse(std::string_view tzif) {
    Bytes b(tzif);
    auto h = header(b);
    if (!h) return std::nullopt;
    int width = 4;
    if (h->version >= '2') {
        // The version 1 block only holds 32-bit times; the 64-bit one follows it.
        if (!b.skip(block_size(*h, 4))) return std::nullopt;
        h = header(b);
        if (!h) return std::nullopt;
        width = 8;
    }
    if (!b.have(block_size(*h, width))) return std::nullopt;

    TimeZoneRules r;
    r.transitions_.reserve(static_cast<std::size_t>(h->timecnt));
    for (std::int64_t i = 0; i < h->timecnt; ++i) r.transitions_.push_back(b.be(width));
    std::vector<std::uint8_t> type_of(static_cast<std::size_t>(h->timecnt));
    for (auto& t : type_of) {
        t = b.byte();
        if (t >= h->typecnt) return std::nullopt;
    }
    std::vector<int> type_offset(static_cast<std::size_t>(h->typecnt));
    for (auto& off : type_offset) {
        off = static_cast<int>(b.be(4));
        b.skip(2);  // isdst, abbreviation index: not needed for offsets
    }
    if (!std::is_sorted(r.transitions_.begin(), r.transitions_.end())) return std::nullopt;
    for (auto t : type_of) r.offsets_.push_back(type_offset[t]);
    // RFC 8536: local time type 0 applies before the first transition.
    r.initial_offset_ = type_offset[0];
    b.skip(static_cast<std::size_t>(h->charcnt + h->leapcnt * (width + 4) + h->isstdcnt + h->isutcnt));

    if (width == 8) {
        const std::string_view footer = b.rest();
        if (footer.size() >= 2 && footer.front() == '\n') {
            const auto end = footer.find('\n', 1);
            if (end != std::string_view::npos && end > 1) {
                r.footer_ = PosixTzRule::parse(footer.substr(1, end - 1));
                if (!r.footer_) return std::nullopt;
            }
        }
    }
    return r;
}

int TimeZoneRules::utc_offset_at(std::int64_t utc_s) const {
    if (transitions_.empty() || utc_s < transitions_.front())
        return transitions_.empty() && footer_ ? footer_->utc_offset_at(utc_s) : initial_offset_;
    if (utc_s >= transitions_.back() && footer_) return footer_->utc_offset_at(utc_s);
    auto it = std::upper_bound(transitions_.begin(), transitions_.end(), utc_s);
    return offsets_[static_cast<std::size_t>(std::distance(transitions_.begin(), it) - 1)];
}

std::int64_t TimeZoneRules::to_utc(std::int64_t local_s) const {
    // Offsets stay within a day of UTC, and zones change their offset days apart, so the
    // offsets in effect two days either side hold every reading of `local_s` there is.
    constexpr std::int64_t kWindow = 2 * 86400;
    const int before = utc_offset_at(local_s - kWindow);
    const int after = utc_offset_at(local_s + kWindow);
    const int candidates[] = {before, after, utc_offset_at(local_s - before), utc_offset_at(local_s - after)};
    std::optional<std::int64_t> earliest;
    for (int off : candidates) {
        const std::int64_t utc = local_s - off;
        if (utc_offset_at(utc) == off && (!earliest || utc < *earliest)) earliest = utc;
    }
    return earliest ? *earliest : local_s - before;
}

}  // namespace custody::media
