#include "tests/bench/fleet.h"

#include <algorithm>
#include <cstdio>

#include "kiosk/core/health_check.h"
#include "kiosk/core/registry_import.h"

namespace custody::bench {

namespace {

std::string officer_number(int i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "B%05d", i);
    return buf;
}

std::string badge_uid(int i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0BAD%04X", static_cast<unsigned>(i));
    return buf;
}

std::string device_serial(int i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "CAM%04d", i);
    return buf;
}

// The readings and offload summaries every cycle reports: a healthy camera.
constexpr int kBattery = 97;
constexpr std::int64_t kFreeMb = 61440;
constexpr std::int64_t kRecordings = 12;
constexpr std::int64_t kBytes = 3'221'225'472;

bool issued_before(const Device& a, const Device& b) {
    auto ka = a.last_issued_at.value_or(Timestamp{INT64_MIN});
    auto kb = b.last_issued_at.value_or(Timestamp{INT64_MIN});
    if (ka != kb) return ka < kb;
    return a.slot < b.slot;
}

}  // namespace

Status Fleet::register_all() {
    std::string units = "code,name,allocation_class\nBENCH,Bench unit,A\n";
    std::string officers = "number,name,unit_code,role,active\n";
    std::string badges = "uid,officer_number\n";
    for (int i = 1; i <= shape_.officers; ++i) {
        officers += officer_number(i) + ",Officer " + std::to_string(i) + ",BENCH,officer,1\n";
        badges += badge_uid(i) + "," + officer_number(i) + "\n";
    }
    std::string devices = "serial,kind,brand,model,firmware,unit_code,keeper_number,slot\n";
    for (int i = 1; i <= shape_.slots; ++i)
        devices += device_serial(i) + ",body_camera,Bench,BWC-1,1.0.0,BENCH,," + std::to_string(i) + "\n";

    RegistryImport import(store_, clock_, "bench");
    for (auto [kind, text, name] : {std::tuple{RegistryKind::Units, &units, "units.csv"},
                                    std::tuple{RegistryKind::Officers, &officers, "officers.csv"},
                                    std::tuple{RegistryKind::Devices, &devices, "devices.csv"},
                                    std::tuple{RegistryKind::Badges, &badges, "badges.csv"}}) {
        auto r = import.run(kind, *text, name);
        if (!r) return fail(r.error());
    }

    {
        auto b = store_.begin();
        if (!b) return fail(b.error());
        auto& tx = **b;
        for (int i = 1; i <= shape_.officers; ++i) {
            auto o = tx.officer_by_number(officer_number(i));
            if (!o) return fail(o.error());
            if (!*o) return fail(Error(MessageId::StorageFailure, {"officer " + officer_number(i) + " not imported"}));
            officers_.push_back({**o, badge_uid(i)});
        }
    }  // read-only: rolled back

    HealthCheck check(store_, clock_);
    for (int i = 1; i <= shape_.slots; ++i) {
        clock_.advance_ms(kStepMs);
        auto d = check.record({device_serial(i), kBattery, kFreeMb, 0, "", "kiosk", ""});
        if (!d) return fail(d.error());
    }
    return {};
}

Status Fleet::reload_devices() {
    auto b = store_.begin();
    if (!b) return fail(b.error());
    auto docked = (*b)->docked_devices();
    if (!docked) return fail(docked.error());
    devices_.clear();
    for (const auto& d : *docked) devices_.push_back(d.device);
    if (static_cast<int>(devices_.size()) != shape_.slots)
        return fail(Error(MessageId::StorageFailure, {"expected every camera docked before generating history"}));
    std::sort(devices_.begin(), devices_.end(), issued_before);
    next_device_ = 0;
    return {};
}

Status Fleet::grow_ledger(std::int64_t target, std::int64_t& ledger_entries) {
    CUSTODY_TRY(reload_devices());
    while (ledger_entries < target) {
        auto b = store_.begin();
        if (!b) return fail(b.error());
        StoreTx& tx = **b;
        for (int n = 0; n < shape_.cycles_per_tx && ledger_entries < target; ++n) {
            Device& dev = devices_[next_device_++ % devices_.size()];
            const Officer& officer = next_officer().officer;
            const int slot = *dev.slot;
            const std::string slot_text = std::to_string(slot);

            // Checkout::run
            clock_.advance_ms(kStepMs);
            CustodyEntry out_entry;
            out_entry.kind = CustodyKind::Checkout;
            out_entry.device_id = dev.id;
            out_entry.officer_id = officer.id;
            out_entry.slot = slot;
            out_entry.at = clock_.now();
            Device out = dev;
            out.status = DeviceStatus::Out;
            out.slot.reset();
            out.last_issued_at = out_entry.at;
            auto out_id = tx.append_custody(out_entry, out,
                                            {officer.number, "checkout", dev.serial, "slot=" + slot_text + "; status=out"});
            if (!out_id) return fail(out_id.error());

            // Return::run
            clock_.advance_ms(kStepMs);
            CustodyEntry back;
            back.kind = CustodyKind::Return;
            back.device_id = dev.id;
            back.officer_id = officer.id;
            back.slot = slot;
            back.at = clock_.now();
            back.closes_id = *out_id;
            Device docked = out;
            docked.status = DeviceStatus::Docked;
            docked.slot = slot;
            docked.open_checkout_id.reset();
            auto back_id = tx.append_custody(
                back, docked,
                {officer.number, "return", dev.serial,
                 "slot=" + slot_text + "; closes=" + std::to_string(*out_id) + "; status=docked"});
            if (!back_id) return fail(back_id.error());

            // HealthCheck::record
            clock_.advance_ms(kStepMs);
            HealthReading h{0, dev.id, clock_.now(), kBattery, kFreeMb, 0, ""};
            auto h_id = tx.append_health(h, {"kiosk", "health_check", dev.serial,
                                             "battery=" + std::to_string(kBattery) +
                                                 "; free_mb=" + std::to_string(kFreeMb) + "; clock_offset_s=0"});
            if (!h_id) return fail(h_id.error());

            // OffloadCompletion::record
            clock_.advance_ms(kStepMs);
            Device ready = docked;
            ready.status = DeviceStatus::InService;
            CUSTODY_TRY(tx.update_device_state(
                ready, {"kiosk", "offload_complete", dev.serial,
                        "recordings=" + std::to_string(kRecordings) + "; bytes=" + std::to_string(kBytes)}));
            dev = ready;
            ledger_entries += 2;
        }
        CUSTODY_TRY(tx.commit());
    }
    return {};
}

Result<LedgerCounts> count_rows(db::Connection& c) {
    LedgerCounts out;
    for (auto [sql, field] : {std::pair{"SELECT count(*) FROM custody_entries", &out.custody},
                              std::pair{"SELECT count(*) FROM health_checks", &out.health},
                              std::pair{"SELECT count(*) FROM audit_log", &out.audit}}) {
        auto q = c.prepare(sql);
        if (!q) return fail(q.error());
        auto r = q->step();
        if (!r) return fail(r.error());
        *field = q->i64(0);
    }
    return out;
}

}  // namespace custody::bench
