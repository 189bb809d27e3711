#include "kiosk/cli/demo_custodian.h"

#include <limits>

#include "kiosk/core/custodian_login.h"
#include "kiosk/core/interruption_log.h"
#include "kiosk/core/interruption_review.h"

namespace custody::cli {

namespace {

constexpr int kRecordsFiled = 4;
constexpr int kLeftPending = 2;

struct Gap {
    Id job = 0;
    Officer officer;
    std::string unit_code;
};

// The latest jobs whose coverage asked for a record, newest first.
Result<std::vector<Gap>> latest_gaps(CustodyStore& store, int limit) {
    auto tx = store.begin();
    if (!tx) return fail(tx.error());
    auto jobs = (*tx)->recent_jobs(std::numeric_limits<int>::max());
    if (!jobs) return fail(jobs.error());
    std::vector<Gap> out;
    for (const auto& j : *jobs) {
        if (static_cast<int>(out.size()) >= limit) break;
        if (!j.interruption_record_needed || !j.checkout_entry_id) continue;
        auto entry = (*tx)->custody_entry(*j.checkout_entry_id);
        if (!entry) return fail(entry.error());
        if (!*entry || !(*entry)->officer_id) continue;
        auto officer = (*tx)->officer(*(*entry)->officer_id);
        if (!officer) return fail(officer.error());
        if (!*officer) continue;
        auto unit = (*tx)->unit((*officer)->unit_id);
        if (!unit) return fail(unit.error());
        out.push_back({j.id, **officer, *unit ? (*unit)->code : ""});
    }
    return out;
}

}  // namespace

Result<DemoCustodianStats> run_demo_custodian(CustodyStore& store, const Clock& clock, const DemoAgency& agency) {
    DemoCustodianStats stats;
    CustodianLogin login(store, clock);
    for (const auto& o : agency.officers) {
        if (o.role != "keeper" && o.role != "unit_head") continue;
        CUSTODY_TRY(login.set_pin(o.number, kDemoCustodianPin, "demo"));
        ++stats.pins;
    }
    auto gaps = latest_gaps(store, kRecordsFiled);
    if (!gaps) return fail(gaps.error());
    InterruptionLog log(store, clock);
    InterruptionReview review(store, clock);
    // Oldest first, so the newest are the ones left for the unit head.
    for (auto it = gaps->rbegin(); it != gaps->rend(); ++it) {
        auto rec = log.add({it->job, it->officer.number, InterruptionReason::BatteryOrStorage,
                            "执法记录仪电量耗尽，未能持续录像；返回后补充说明 / battery ran out on patrol", "demo"});
        if (!rec) return fail(rec.error());
        const bool leave_pending = std::distance(it, gaps->rend()) <= kLeftPending;
        if (leave_pending) {
            ++stats.interruptions_pending;
            continue;
        }
        const DemoOfficer* head = nullptr;
        for (const auto& o : agency.officers)
            if (o.role == "unit_head" && o.unit_code == it->unit_code && o.number != it->officer.number) head = &o;
        if (!head) {
            ++stats.interruptions_pending;
            continue;
        }
        auto tx = store.begin();
        if (!tx) return fail(tx.error());
        auto reviewer = (*tx)->officer_by_number(head->number);
        if (!reviewer) return fail(reviewer.error());
        tx->reset();
        if (!*reviewer) continue;
        CUSTODY_TRY(review.approve(rec->id, **reviewer, "情况属实，同意归档"));
        ++stats.interruptions_reviewed;
    }
    return stats;
}

}  // namespace custody::cli
