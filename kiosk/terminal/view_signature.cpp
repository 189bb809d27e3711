#include "kiosk/terminal/view_signature.h"

#include <sstream>

namespace custody::terminal {

namespace {

void put(std::ostringstream& o, const Error& e) {
    o << static_cast<int>(e.id);
    for (const auto& a : e.args) o << '\x1f' << a;
    if (e.cause) {
        o << '<';
        put(o, *e.cause);
    }
    o << ';';
}

void put(std::ostringstream& o, const std::optional<Error>& e) {
    if (e) put(o, *e);
    o << '|';
}

int percent(const OffloadProgress& p) {
    return p.bytes_total > 0 ? static_cast<int>(100 * p.bytes_done / p.bytes_total) : 0;
}

void put(std::ostringstream& o, const std::optional<OffloadProgress>& p) {
    if (p) o << p->slot << ':' << static_cast<int>(p->phase) << ':' << percent(*p) << ':' << p->files_done << ':'
             << p->eta_s.value_or(-1);
    o << '|';
}

}  // namespace

std::string view_signature(const TerminalView& v) {
    std::ostringstream o;
    o << static_cast<int>(v.screen) << static_cast<int>(v.lang) << v.reader_online << v.cabinet_online
      << (v.seconds_to_idle > 0) << '|';
    put(o, v.reader_problem);
    put(o, v.cabinet_problem);
    const auto& s = v.summary;
    o << s.ready << ',' << s.charging << ',' << s.offloading << ',' << s.faulty << ',' << s.empty << ',' << s.unknown << '|';
    for (const auto& t : v.tiles) {
        o << t.slot << ':' << static_cast<int>(t.state) << ':' << (t.docked ? t.docked->device.serial : "") << ':'
          << (t.docked && t.docked->health ? t.docked->health->battery_pct : -1) << ':' << t.problems.size();
        put(o, t.offload);
    }
    for (const auto& p : v.offloads) put(o, std::optional<OffloadProgress>(p));
    if (v.first_officer) o << v.first_officer->id;
    o << '|';
    if (v.checkout) o << v.checkout->slot << v.checkout->device_serial << (v.checkout->partner ? v.checkout->partner->id : 0);
    o << '|';
    put(o, v.refusal);
    if (v.returned) {
        const auto& r = *v.returned;
        o << r.slot << ':' << static_cast<int>(r.step) << ':' << r.offload_done << ':' << r.notices.size() << ':'
          << r.interruption_filed;
        put(o, r.offload);
        put(o, r.offload_error);
    }
    o << '|';
    if (v.pin) {
        o << v.pin->custodian.id << ':' << v.pin->digits;
        put(o, v.pin->error);
    }
    o << '|' << (v.custodian ? v.custodian->id : 0) << '|';
    if (v.detail) {
        o << v.detail->device.serial << ':' << static_cast<int>(v.detail->device.status) << ':'
          << v.detail->history.size() << ':' << static_cast<int>(v.detail->tile.state) << ':'
          << v.detail->tile.problems.size();
        put(o, v.detail->tile.offload);
    }
    o << '|';
    if (v.reconciliation) o << v.reconciliation->discrepancies << ':' << v.reconciliation->saved_id.value_or(0) << ':'
                            << v.reconciliation->lines.size();
    o << '|';
    for (const auto& p : v.pending_interruptions) o << p.record.id << ',';
    o << '|' << (v.finance_officer ? v.finance_officer->id : 0) << '|';
    if (v.finance) {
        o << v.finance->cards << ':' << v.finance->net_total << ':';
        for (const auto& c : v.finance->to_review) o << c.id << ',';
        o << ';';
        for (const auto& c : v.finance->owing) o << c.id << ':' << c.outstanding << ',';
    }
    put(o, v.notice);
    o << '|' << v.printing.value_or("");
    return o.str();
}

}  // namespace custody::terminal
