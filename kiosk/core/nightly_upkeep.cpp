#include "kiosk/core/nightly_upkeep.h"

#include "kiosk/core/accounting_month.h"
#include "kiosk/core/asset_value.h"
#include "kiosk/core/log.h"
#include "kiosk/core/month_close.h"
#include "kiosk/core/retention.h"

namespace custody {

namespace {

constexpr const char* kActor = "maintenance";

void close_ended_months(CustodyStore& store, const Clock& clock, UpkeepReport& report) {
    std::optional<AccountingMonth> next;
    {
        auto begun = store.begin();
        if (!begun) return report.failures.push_back(begun.error());
        auto n = next_month_to_close((*begun)->finance());
        if (!n) return report.failures.push_back(n.error());
        next = *n;
    }  // the transaction ends before MonthClosing opens its own
    if (!next) {
        report.first_close_by_hand = true;
        return;
    }
    const AccountingMonth current = month_of(local_date_of(clock.now()));
    for (AccountingMonth m = *next; m < current; m = m.next()) {
        auto closed = MonthClosing(store, clock, kActor).close(m);
        if (!closed) {
            log_event(LogLevel::Error, "month " + month_text(m) + " not closed: " + log_line(closed.error()));
            return report.failures.push_back(closed.error());
        }
        log_event(LogLevel::Info, "month " + month_text(m) + " closed: " + std::to_string(closed->close.assets) + " assets");
        report.months_closed.push_back(closed->close);
    }
}

void count_retention_due(CustodyStore& store, const Clock& clock, UpkeepReport& report) {
    auto begun = store.begin();
    if (!begun) return report.failures.push_back(begun.error());
    auto profile = (*begun)->profile();
    if (!profile) return report.failures.push_back(profile.error());
    auto archived = (*begun)->archived_recordings();
    if (!archived) return report.failures.push_back(archived.error());
    report.retention_due = due_for_purge(*archived, *profile, clock.now()).size();
    if (report.retention_due)
        log_event(LogLevel::Warning, std::to_string(report.retention_due) +
                                         " recordings are past their retention and wait for a keeper's review");
}

void find_overdue_devices(CustodyStore& store, const Clock& clock, UpkeepReport& report) {
    auto overdue = find_overdue(store, clock.now());
    if (!overdue) return report.failures.push_back(overdue.error());
    report.overdue = std::move(*overdue);
    for (const auto& o : report.overdue) {
        const std::string officer = o.officer ? o.officer->number : std::string();
        log_event(LogLevel::Warning,
                  "device " + o.device.serial + " overdue: out " + std::to_string(o.hours_out) + " h with " +
                      (officer.empty() ? std::string("nobody on record") : officer),
                  LogFields{}.of_device(o.device.serial).by_officer(officer));
    }
}

}  // namespace

UpkeepReport run_nightly_upkeep(CustodyStore& store, const Clock& clock) {
    UpkeepReport report;
    close_ended_months(store, clock, report);
    count_retention_due(store, clock, report);
    find_overdue_devices(store, clock, report);
    return report;
}

}  // namespace custody
