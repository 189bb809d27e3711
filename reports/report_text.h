#pragma once
// Report wording: Simplified Chinese first, English on request. Labels live beside the
// composer that prints them; failures are messages (messages.def).

#include <optional>
#include <string>

#include "kiosk/core/clock.h"

#include "kiosk/core/messages.h"
#include "kiosk/core/named_code.h"

namespace custody::reports {

inline const char* tr(Lang lang, const char* zh, const char* en) { return lang == Lang::Zh ? zh : en; }

// A coded value (status, cause, method…) as the report's reader says it.
template <class Table, class E>
std::string name_of(const Table& table, E v, Lang lang) {
    const auto& n = named(table, v);
    return std::string(lang == Lang::Zh ? n.zh : n.en);
}

// "期间：2026-12-01 — 2026-12-31" for [from, to), the end shown as its last day.
std::string period_text(Timestamp from, Timestamp to, Lang lang);
// "2026-12-02 08:03" in agency time.
std::string minute_text(Timestamp t);
// "2026-12-02 08:03 柜位 19" / "... slot 19"; empty without a time.
std::string hand_over_text(const std::optional<Timestamp>& t, const std::optional<int>& slot, Lang lang);
// "张伟（100001）"; empty when there is nobody (no number).
std::string person_text(const std::string& name, const std::string& number);
// "1 小时 05 分 09 秒" / "1 h 05 min 09 s"
std::string duration_text(std::int64_t ms, Lang lang);
// "12.5 MB" (decimal units, as the camera's own storage figure)
std::string bytes_text(std::int64_t bytes);

}  // namespace custody::reports
