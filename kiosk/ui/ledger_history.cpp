#include "kiosk/ui/ledger_history.h"

#include <algorithm>

#include "db/ledger_query.h"

namespace custody::ui {

Result<std::unique_ptr<LedgerHistory>> LedgerHistory::open(const std::string& db_path) {
    auto c = db::Connection::open(db_path, db::Connection::Mode::ReadOnly);
    if (!c) return fail(c.error());
    return std::unique_ptr<LedgerHistory>(new LedgerHistory(std::move(*c)));
}

Result<std::vector<terminal::HistoryLine>> LedgerHistory::of_device(const std::string& serial, int limit) {
    db::LedgerFilter f;
    f.device_serial = serial;
    std::vector<terminal::HistoryLine> lines;
    auto visit = [&](const db::LedgerLine& l) -> Status {
        terminal::HistoryLine h;
        h.at = l.entry.at;
        h.what = std::string(named(kCustodyKinds, l.entry.kind).code);
        if (!l.officer_number.empty()) h.who = l.officer_name + " " + l.officer_number;
        if (!l.partner_number.empty()) h.detail = "+ " + l.partner_name + " " + l.partner_number;
        if (l.entry.slot) h.detail += (h.detail.empty() ? "#" : "  #") + std::to_string(*l.entry.slot);
        lines.push_back(std::move(h));
        if (lines.size() > static_cast<std::size_t>(limit)) lines.erase(lines.begin());
        return {};
    };
    if (auto s = db::for_each_ledger_line(*connection_, f, visit); !s) return fail(s.error());
    std::reverse(lines.begin(), lines.end());
    return lines;
}

}  // namespace custody::ui
