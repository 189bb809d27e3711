#include "kiosk/cli/demo_agency.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <set>

#include "kiosk/cli/demo_camera.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/core/checkout.h"
#include "kiosk/core/custody_return.h"
#include "kiosk/core/footage_offload.h"
#include "kiosk/core/health_check.h"
#include "kiosk/core/registry_changes.h"
#include "kiosk/core/registry_import.h"

namespace custody::cli {

namespace {

struct DemoUnit {
    const char* code;
    const char* name;
    const char* cls;
    const char* prefix;
    int officers;
    int devices;
};

const DemoUnit kUnits[] = {
    {"ZD01", "执法大队一中队", "A", "3101", 14, 9},
    {"ZD02", "执法大队二中队", "A", "3102", 14, 9},
    {"FZK", "法制科", "B", "3103", 6, 3},
    {"BGS", "办公室", "B", "3104", 6, 3},
};

const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
                           "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "冯", "邓"};
const char* kGiven[] = {"伟",   "芳",   "敏",   "静",   "磊",   "强",   "军",   "洋",   "勇",   "艳",
                        "杰",   "娟",   "涛",   "明",   "超",   "秀英", "霞",   "平",   "刚",   "建华",
                        "志强", "海燕", "文博", "晓东", "立新", "春梅", "国庆", "红梅", "子轩", "雨桐",
                        "浩然", "思远", "嘉怡", "俊杰", "欣然", "宏伟", "丽娜", "建军", "玉兰", "振华"};

struct DemoBrand {
    const char* prefix;
    const char* brand;
    const char* model;
    const char* firmware;
};
const DemoBrand kBrands[] = {
    {"HK", "海康威视", "DS-MH2311", "V2.1.4"},
    {"DH", "大华", "MPT320", "V1.8.0"},
    {"JY", "警翼", "X6", "V3.0.2"},
};

std::string csv_line(std::initializer_list<std::string> cells) {
    std::string s;
    for (const auto& c : cells) s += (s.empty() ? "" : ",") + c;
    return s + "\n";
}

}  // namespace

DemoAgency make_demo_agency() {
    DemoAgency a;
    int n = 0;
    std::set<std::string> names;
    for (const auto& u : kUnits) {
        for (int i = 0; i < u.officers; ++i, ++n) {
            DemoOfficer o;
            char num[16];
            std::snprintf(num, sizeof num, "%s%02d", u.prefix, i + 1);
            o.number = num;
            // Spread surnames and given names so that no two officers share a name.
            for (int k = 0;; ++k) {
                o.name = std::string(kSurnames[(n * 11 + k) % std::size(kSurnames)]) +
                         kGiven[(n * 7 + k * 3) % std::size(kGiven)];
                if (names.insert(o.name).second) break;
            }
            o.unit_code = u.code;
            o.role = i == 0 ? "unit_head" : (i == 1 ? "keeper" : "officer");
            char uid[16];
            std::snprintf(uid, sizeof uid, "04A1%04X", 0x1000 + n * 37);
            o.badge = uid;
            // One officer retired last year: still registered, no longer on duty.
            o.active = !(std::string(u.code) == "ZD02" && i == u.officers - 1);
            a.officers.push_back(o);
        }
    }
    int slot = 1, d = 0;
    for (const auto& u : kUnits) {
        std::string keeper;
        for (const auto& o : a.officers)
            if (o.unit_code == u.code && o.role == "keeper") keeper = o.number;
        for (int i = 0; i < u.devices; ++i, ++d) {
            const DemoBrand& b = kBrands[d % std::size(kBrands)];
            DemoDevice dev;
            // Seven characters: what fits a GA/T 947.4 camera's serial field (ZFY_INFO.cSerial).
            char serial[24];
            std::snprintf(serial, sizeof serial, "%s%s%03d", b.prefix, u.prefix + 2, i + 1);
            dev.serial = serial;
            dev.brand = b.brand;
            dev.model = b.model;
            dev.firmware = b.firmware;
            dev.unit_code = u.code;
            dev.keeper = keeper;
            // The office keeps its last camera in a drawer: the cabinet's last slot stays free.
            bool spare = std::string(u.code) == "BGS" && i == u.devices - 1;
            dev.slot = spare ? 0 : slot++;
            a.devices.push_back(dev);
        }
    }
    return a;
}

std::string DemoAgency::units_csv() const {
    std::string s = "code,name,allocation_class\n";
    for (const auto& u : kUnits) s += csv_line({u.code, u.name, u.cls});
    return s;
}

std::string DemoAgency::officers_csv() const {
    std::string s = "警号,姓名,单位代码,角色,在岗\n";
    for (const auto& o : officers) s += csv_line({o.number, o.name, o.unit_code, o.role, o.active ? "是" : "否"});
    return s;
}

std::string DemoAgency::devices_csv() const {
    std::string s = "serial,kind,brand,model,firmware,unit_code,keeper_number,slot\n";
    for (const auto& d : devices)
        s += csv_line({d.serial, "执法记录仪", d.brand, d.model, d.firmware, d.unit_code, d.keeper,
                       d.slot ? std::to_string(d.slot) : ""});
    return s;
}

std::string DemoAgency::badges_csv() const {
    std::string s = "uid,officer_number\n";
    for (const auto& o : officers) s += csv_line({o.badge, o.number});
    return s;
}

namespace {

// One simulated month. Each step goes through a real service; refusals are expected
// parts of the story (a lost badge, a camera kept out too long) and are counted.
class DemoMonth {
public:
    // The footage has its own random stream, so what the cameras recorded does not
    // change who takes which camera later in the month.
    DemoMonth(CustodyStore& store, ManualClock& clock, const DemoAgency& agency, DemoFootage& footage,
              std::uint32_t seed)
        : store_(store), clock_(clock), agency_(agency), footage_(footage), rng_(seed), footage_rng_(seed ^ 0x0F0075A6u) {
        for (const auto& o : agency.officers) badge_of_[o.number] = o.badge;
    }

    Status import_registry() {
        RegistryImport import(store_, clock_, "demo");
        for (auto [kind, text, name] : {std::tuple{RegistryKind::Units, agency_.units_csv(), "units.csv"},
                                        std::tuple{RegistryKind::Officers, agency_.officers_csv(), "officers.csv"},
                                        std::tuple{RegistryKind::Devices, agency_.devices_csv(), "devices.csv"},
                                        std::tuple{RegistryKind::Badges, agency_.badges_csv(), "badges.csv"}}) {
            auto r = import.run(kind, text, name);
            if (!r) return fail(r.error());
        }
        return {};
    }

    Status day(int index, int days, Timestamp midnight, Timestamp limit) {
        auto at = [&](int h, int m) { return Timestamp{midnight.ms + h * kMsPerHour + m * 60 * kMsPerSecond}; };
        auto in_time = [&](Timestamp t) { return t < limit; };
        if (!in_time(at(6, 0))) return health_sweep(Timestamp{limit.ms - 60 * kMsPerSecond});
        CUSTODY_TRY(health_sweep(at(6, 0)));
        CUSTODY_TRY(special_morning(index, days, at));
        // Shift start: field officers tap their badges between 08:00 and 09:00.
        std::vector<const DemoOfficer*> field;
        for (const auto& o : agency_.officers)
            if (o.role == "officer" && o.active && !deactivated_.count(o.number) && o.unit_code != "BGS" &&
                !held_over_.count(o.number))
                field.push_back(&o);
        std::shuffle(field.begin(), field.end(), rng_);
        bool weekend = index % 7 == 5 || index % 7 == 6;
        int minute = 0;
        for (const DemoOfficer* o : field) {
            if (std::uniform_int_distribution<int>(0, 99)(rng_) >= (weekend ? 25 : 60)) continue;
            minute += std::uniform_int_distribution<int>(1, 4)(rng_);
            if (!in_time(at(8, minute))) break;
            clock_.set(at(8, minute));
            std::optional<std::string> partner;
            if (std::uniform_int_distribution<int>(0, 99)(rng_) < 30) partner = partner_for(*o);
            CUSTODY_TRY(tap(badge_of_[o->number], partner));
        }
        if (index % 7 == 3) CUSTODY_TRY(errand(index, at, in_time));
        if (!in_time(at(17, 0))) return {};
        // Shift end: cameras come back in whatever slot is free, then offload and charge.
        std::vector<std::pair<std::string, std::string>> back;  // serial, officer number
        for (const auto& [serial, number] : out_)
            if (!held_over_.count(number)) back.emplace_back(serial, number);
        std::shuffle(back.begin(), back.end(), rng_);
        int m = 0;
        for (const auto& [serial, number] : back) {
            m += std::uniform_int_distribution<int>(1, 6)(rng_);
            if (!in_time(at(17, m))) break;
            clock_.set(at(17, m));
            CUSTODY_TRY(dock(serial));
        }
        if (index == 8 && !back.empty()) CUSTODY_TRY(report_fault(back.front().first, at(17, m + 5)));
        if (index == days / 2 - 3) CUSTODY_TRY(dock_spare(at(18, 30)));
        return settle_docked(at(19, 30), limit);
    }

    const DemoStats& stats() const { return stats_; }
    void pick_try_badge() {
        for (const auto& o : agency_.officers) {
            bool holds = false;
            for (const auto& [serial, number] : out_) holds |= number == o.number;
            if (o.active && o.role == "officer" && !holds && o.unit_code == "ZD01" && badge_of_[o.number] == o.badge) {
                stats_.try_badge = o.badge;
                return;
            }
        }
    }

private:
    // What a returned camera holds: a field officer's shift, an office errand, or (for a
    // camera nobody had checked out) whatever was recorded on it.
    enum class Footage { Shift, Errand };

    Status special_morning(int index, int days, auto at) {
        if (index == 2) {  // a visitor's transit card on the reader, and the retired officer's old badge
            clock_.set(at(7, 50));
            CUSTODY_TRY(tap("DEADBEEF", std::nullopt));
            for (const auto& o : agency_.officers) {
                if (o.active) continue;
                clock_.set(at(7, 52));
                CUSTODY_TRY(tap(o.badge, std::nullopt));
            }
        }
        if (index == 4) {  // a lost badge: revoked, tried by whoever found it, replaced
            const DemoOfficer& o = officer_at("ZD01", 5);
            clock_.set(at(7, 30));
            CUSTODY_TRY(revoke_badge(store_, clock_, o.badge, "遗失 / lost", "demo"));
            clock_.set(at(7, 45));
            CUSTODY_TRY(tap(o.badge, std::nullopt));
            clock_.set(at(7, 55));
            char uid[16];
            std::snprintf(uid, sizeof uid, "04B2%04X", 0x2000 + index);
            RegistryImport import(store_, clock_, "demo");
            auto r = import.run(RegistryKind::Badges, "uid,officer_number\n" + std::string(uid) + "," + o.number + "\n",
                                "replacement-badge.csv");
            if (!r) return fail(r.error());
            badge_of_[o.number] = uid;
        }
        if (index == days / 2) {  // away duty: a camera kept out over two nights
            const DemoOfficer& o = officer_at("ZD02", 3);
            clock_.set(at(7, 40));
            CUSTODY_TRY(tap(badge_of_[o.number], std::nullopt));
            held_over_.insert(o.number);
        }
        if (index == days / 2 + 1) {  // tries for a second camera while still holding one
            clock_.set(at(7, 35));
            CUSTODY_TRY(tap(badge_of_[officer_at("ZD02", 3).number], std::nullopt));
        }
        if (index == days / 2 + 2) {  // past the 24 h offload deadline (R14): refused, then returns
            const DemoOfficer& o = officer_at("ZD02", 3);
            clock_.set(at(7, 35));
            CUSTODY_TRY(tap(badge_of_[o.number], std::nullopt));
            held_over_.erase(o.number);
            for (const auto& [serial, number] : out_) {
                if (number != o.number) continue;
                clock_.set(at(10, 5));
                std::string s = serial;
                CUSTODY_TRY(dock(s));
                break;
            }
        }
        if (index == days - 4) {  // transferred out: switched off, badge still tapped once
            const DemoOfficer& o = officer_at("FZK", 4);
            clock_.set(at(7, 20));
            CUSTODY_TRY(set_officer_active(store_, o.number, false, "demo"));
            deactivated_.insert(o.number);
            clock_.set(at(8, 2));
            CUSTODY_TRY(tap(badge_of_[o.number], std::nullopt));
        }
        if (index == days - 3) {  // still out now: shows up in `overdue`
            const DemoOfficer& o = officer_at("ZD01", 7);
            clock_.set(at(7, 58));
            CUSTODY_TRY(tap(badge_of_[o.number], std::nullopt));
            held_over_.insert(o.number);
        }
        return {};
    }

    // An office officer called to the gate for a walk-in complaint: out for twenty minutes
    // with the conversation recorded, so this custody period is covered within the
    // policy's gap and needs no interruption record (R13).
    Status errand(int index, auto at, auto in_time) {
        if (!in_time(at(14, 30))) return {};
        const DemoOfficer& o = officer_at("BGS", 2 + (index / 7) % 4);
        if (!o.active || deactivated_.count(o.number)) return {};
        clock_.set(at(14, 8));
        CUSTODY_TRY(tap(badge_of_[o.number], std::nullopt));
        for (const auto& [serial, number] : out_) {
            if (number != o.number) continue;
            clock_.set(at(14, 30));
            std::string s = serial;
            return dock(s, Footage::Errand);
        }
        return {};
    }

    const DemoOfficer& officer_at(const char* unit, int index) const {
        int i = 0;
        for (const auto& o : agency_.officers)
            if (o.unit_code == unit && i++ == index) return o;
        return agency_.officers.front();
    }

    std::optional<std::string> partner_for(const DemoOfficer& o) {
        std::vector<const DemoOfficer*> mates;
        for (const auto& m : agency_.officers)
            if (m.unit_code == o.unit_code && m.number != o.number && m.active) mates.push_back(&m);
        if (mates.empty()) return std::nullopt;
        return badge_of_[mates[std::uniform_int_distribution<std::size_t>(0, mates.size() - 1)(rng_)]->number];
    }

    // A refusal is part of the story: count it and carry on. A storage failure is not.
    Status tap(const std::string& badge, const std::optional<std::string>& partner) {
        Checkout checkout(store_, clock_);
        auto g = checkout.run({badge, partner, std::nullopt});
        if (!g) {
            if (exit_is_environment(g.error())) return fail(g.error());
            ++stats_.refusals;
            return {};
        }
        ++stats_.checkouts;
        out_[g->device.serial] = g->officer.number;
        return {};
    }

    Status dock(const std::string& serial, Footage footage = Footage::Shift) {
        auto tx = store_.begin();
        if (!tx) return fail(tx.error());
        auto docked = (*tx)->docked_devices();
        if (!docked) return fail(docked.error());
        tx->reset();
        std::set<int> used;
        for (const auto& d : *docked) used.insert(d.slot);
        std::vector<int> free;
        for (int s = 1; s <= 24; ++s)
            if (!used.count(s)) free.push_back(s);
        if (free.empty()) return {};
        int slot = free[std::uniform_int_distribution<std::size_t>(0, free.size() - 1)(rng_)];
        Return ret(store_, clock_);
        auto r = ret.run({serial, slot, "demo"});
        if (!r) return fail(r.error());
        ++stats_.returns;
        out_.erase(serial);
        pending_.push_back(serial);
        CUSTODY_TRY(record_custody(serial, *r, footage));
        return offload(serial, slot, r->entry_id);
    }

    // The stand-in for the camera in the cabinet, made when it first docks. Two cameras
    // have drifted (one fast, one slow): their files are dated by their own clocks and
    // the offload corrects the start times by the offset it reads at docking.
    DemoCamera& camera(const std::string& serial) {
        auto& cam = cameras_[serial];
        if (!cam) {
            std::int64_t offset_ms = 0;
            CameraIdentity id{serial, "", ""};
            for (std::size_t i = 0; i < agency_.devices.size(); ++i) {
                if (agency_.devices[i].serial != serial) continue;
                id.maker_model = agency_.devices[i].model;
                id.firmware = agency_.devices[i].firmware;
                if (i == 4) offset_ms = 47 * kMsPerSecond;
                if (i == 13) offset_ms = -95 * kMsPerSecond;
            }
            cam = std::make_unique<DemoCamera>(id, footage_.cameras_dir + "/" + serial, clock_, offset_ms);
        }
        return *cam;
    }

    // What was recorded while the camera was out: one to three recordings inside the
    // custody period, mostly audio clips and sometimes a photo, spread over the shift or
    // bunched around one incident, so the longest gap each offload measures varies. The
    // clips last seconds, to keep the demo's archive small: a field shift is therefore
    // mostly unrecorded and its offload says an interruption record is needed (R13), as it
    // would for a real shift recorded like that. The office errands are the covered ones.
    Status record_custody(const std::string& serial, const ReturnReceipt& r, Footage footage) {
        DemoCamera& cam = camera(serial);
        auto pick = [&](std::int64_t lo, std::int64_t hi) {
            return std::uniform_int_distribution<std::int64_t>(lo, std::max(lo, hi))(footage_rng_);
        };
        auto second = [](std::int64_t ms) { return Timestamp{ms - ms % kMsPerSecond}; };
        auto done = [](const Result<RecordingFile>& f) -> Status { return f ? Status{} : fail(f.error()); };
        const std::int64_t back = clock_.now().ms;
        if (!r.checked_out_at) {
            // Nobody had checked it out, and still it holds a recording: whoever took it
            // from the drawer made one that afternoon.
            return done(cam.record_audio(second(back - pick(90, 300) * 60 * kMsPerSecond), static_cast<int>(pick(3, 5))));
        }
        const std::int64_t from = r.checked_out_at->ms, to = back;
        if (footage == Footage::Errand) {
            const int seconds = static_cast<int>(pick(60, 90));
            const std::int64_t middle = from + (to - from) / 2 - seconds * kMsPerSecond / 2;
            return done(cam.record_audio(second(middle + pick(-60, 60) * kMsPerSecond), seconds));
        }
        const std::int64_t roll = pick(0, 99);
        const int n = roll < 45 ? 1 : (roll < 85 ? 2 : 3);
        const bool spread = pick(0, 99) < 60;
        constexpr std::int64_t kIncident = 20 * 60 * kMsPerSecond;
        const std::int64_t incident = pick(from, to - kIncident);
        for (int i = 0; i < n; ++i) {
            // A minute clear of checkout and return, and room for the clip before the end.
            std::int64_t lo = spread ? from + (to - from) * i / n : incident;
            std::int64_t hi = spread ? from + (to - from) * (i + 1) / n : incident + kIncident;
            lo = std::max(lo, from + 60 * kMsPerSecond);
            hi = std::min(hi, to - 70 * kMsPerSecond);
            const Timestamp at = second(pick(lo, hi));
            CUSTODY_TRY(done(pick(0, 99) < 35 ? cam.take_photo(at) : cam.record_audio(at, static_cast<int>(pick(2, 4)))));
        }
        return {};
    }

    // The kiosk offloads a camera as soon as it docks: the real offload, into the real
    // archive, closing the custody period just recorded.
    Status offload(const std::string& serial, int slot, Id return_entry) {
        FootageOffload offload(store_, clock_, footage_.archive, footage_.probe);
        OffloadRequest request;
        request.slot = slot;
        request.return_entry_id = return_entry;
        request.actor = "demo";
        auto done = offload.run(camera(serial), request);
        if (!done) return fail(done.error());
        ++stats_.offloads;
        for (const auto& rec : done->recordings) {
            ++stats_.files;
            stats_.bytes += rec.bytes;
        }
        if (done->job.interruption_record_needed) ++stats_.interruption_records;
        return {};
    }

    Status dock_spare(Timestamp t) {
        for (const auto& d : agency_.devices) {
            if (d.slot != 0) continue;
            clock_.set(t);
            return dock(d.serial);
        }
        return {};
    }

    Status report_fault(const std::string& serial, Timestamp t) {
        clock_.set(t);
        HealthCheck check(store_, clock_);
        auto r = check.record({serial, 55, 21000, 1, "屏幕破裂 / cracked screen", "demo", ""});
        if (!r) return fail(r.error());
        // Its footage came off at docking; out of service now, repair handling takes it
        // from here, without the evening's battery reading.
        pending_.erase(std::remove(pending_.begin(), pending_.end(), serial), pending_.end());
        return {};
    }

    // After a shift, the cameras offloaded at docking: the reading shows a half-empty
    // battery that the overnight charge will fix by the morning sweep.
    Status settle_docked(Timestamp t, Timestamp limit) {
        HealthCheck check(store_, clock_);
        for (const auto& serial : pending_) {
            t.ms += 60 * kMsPerSecond;
            if (!(t < limit)) break;
            clock_.set(t);
            auto h = check.record({serial, std::uniform_int_distribution<int>(35, 65)(rng_), 28000, 0, "", "demo", ""});
            if (!h) return fail(h.error());
        }
        pending_.clear();
        return {};
    }

    Status health_sweep(Timestamp t) {
        auto tx = store_.begin();
        if (!tx) return fail(tx.error());
        auto docked = (*tx)->docked_devices();
        if (!docked) return fail(docked.error());
        tx->reset();
        HealthCheck check(store_, clock_);
        clock_.set(t);
        for (const auto& d : *docked) {
            if (d.device.status != DeviceStatus::InService) continue;
            clock_.advance_ms(2 * kMsPerSecond);
            // One camera in twenty has drifted and gets its clock set a little late.
            int drift = std::uniform_int_distribution<int>(0, 19)(rng_) == 0 ? 9 : std::uniform_int_distribution<int>(0, 2)(rng_);
            auto r = check.record({d.device.serial, std::uniform_int_distribution<int>(88, 100)(rng_),
                                   std::uniform_int_distribution<int>(24000, 30000)(rng_), drift, "", "demo", ""});
            if (!r) return fail(r.error());
        }
        return {};
    }

    static bool exit_is_environment(const Error& e) {
        return e.id == MessageId::StorageFailure || e.id == MessageId::StorageBusy;
    }

    CustodyStore& store_;
    ManualClock& clock_;
    const DemoAgency& agency_;
    DemoFootage& footage_;
    std::mt19937 rng_;
    std::mt19937 footage_rng_;
    std::map<std::string, std::unique_ptr<DemoCamera>> cameras_;
    std::map<std::string, std::string> badge_of_;
    std::map<std::string, std::string> out_;  // serial -> officer number
    std::set<std::string> held_over_;
    std::set<std::string> deactivated_;
    std::vector<std::string> pending_;
    DemoStats stats_;
};

}  // namespace

Result<DemoStats> run_demo_month(CustodyStore& store, ManualClock& clock, const DemoAgency& agency,
                                 DemoFootage& footage, int days, Timestamp now, std::uint32_t seed) {
    DemoMonth month(store, clock, agency, footage, seed);
    auto today = parse_local(format_local_date(now));
    if (!today) return fail(Error(MessageId::TimeZoneUnknown, {"local date"}));
    Timestamp first{today->ms - days * kMsPerDay};
    clock.set(Timestamp{first.ms - kMsPerHour});
    CUSTODY_TRY(month.import_registry());
    for (int i = 0; i <= days; ++i) {
        // Midnight of each day in the agency's zone (a day is not always 24 h elsewhere).
        auto midnight = parse_local(format_local_date(Timestamp{first.ms + i * kMsPerDay + 12 * kMsPerHour}));
        if (!midnight) return fail(Error(MessageId::TimeZoneUnknown, {"local date"}));
        CUSTODY_TRY(month.day(i, days, *midnight, now));
    }
    month.pick_try_badge();
    return month.stats();
}

}  // namespace custody::cli
