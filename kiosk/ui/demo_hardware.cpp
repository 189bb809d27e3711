#include "kiosk/ui/demo_hardware.h"

#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "kiosk/core/log.h"
#include "kiosk/ui/demo_recordings.h"
#include "kiosk/ui/tool_paths.h"

extern char** environ;

namespace custody::ui {

namespace {

namespace fs = std::filesystem;

constexpr const char* kCameraPassword = "123456";
constexpr const char* kCameraIdCode = "SIM-DSJ1";
// Long enough for the reader to see the card, short enough to tap again soon.
constexpr auto kCardOnReader = std::chrono::milliseconds(700);

Status run_quietly(const std::vector<std::string>& words, const std::string& log_path) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    std::vector<std::string> copy = words;
    std::vector<char*> argv;
    for (auto& w : copy) argv.push_back(w.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, copy.front().c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return fail(Error(MessageId::KioskSimulatorFailed, {copy.front(), std::strerror(rc)}));
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return fail(Error(MessageId::KioskSimulatorFailed, {copy.front(), "see " + log_path}));
    return {};
}

}  // namespace

std::string DemoHardware::slot_dir(int slot) const { return work_ + "/slot" + std::to_string(slot); }
std::string DemoHardware::outside_dir(const std::string& serial) const { return work_ + "/outside/" + serial; }

Status DemoHardware::make_camera(const std::string& dir, const std::string& serial) {
    std::error_code ec;
    fs::remove_all(dir, ec);
    return run_quietly({camera_sim_program(), "init", dir, "--serial", serial, "--password", kCameraPassword},
                       work_ + "/camera-sim.log");
}

Result<std::unique_ptr<DemoHardware>> DemoHardware::start(CustodyStore& store, const Clock& clock,
                                                         const std::string& work_dir) {
    std::unique_ptr<DemoHardware> h(new DemoHardware(store, clock));
    h->work_ = fs::absolute(work_dir).lexically_normal().string();
    std::error_code ec;
    fs::remove_all(h->work_, ec);
    fs::create_directories(h->work_ + "/outside", ec);
    if (ec) return fail(Error(MessageId::FileUnwritable, {h->work_, ec.message()}));
    h->agency_ = cli::make_demo_agency();

    std::vector<DockedDevice> docked;
    std::vector<OpenCheckout> out;
    {
        auto tx = store.begin();
        if (!tx) return fail(tx.error());
        auto d = (*tx)->docked_devices();
        if (!d) return fail(d.error());
        docked = std::move(*d);
        auto o = (*tx)->open_checkouts();
        if (!o) return fail(o.error());
        out = std::move(*o);
        for (int n = 1;; ++n) {
            auto exists = (*tx)->slot_exists(n);
            if (!exists) return fail(exists.error());
            if (!*exists) break;
            h->slot_count_ = n;
        }
    }
    if (h->slot_count_ == 0) h->slot_count_ = 24;

    auto cabinet = SimulatorChild::start(cabinet_sim_program(),
                                         {"--slots", std::to_string(h->slot_count_), "--tcp", "127.0.0.1:0",
                                          "--serial", "DEMO-CABINET-01"},
                                         h->work_ + "/cabinet-sim.log");
    if (!cabinet) return fail(cabinet.error());
    h->cabinet_ = std::move(*cabinet);
    auto reader = SimulatorChild::start(badge_sim_program(), {}, h->work_ + "/badge-sim.log");
    if (!reader) return fail(reader.error());
    h->reader_ = std::move(*reader);

    for (const auto& d : docked) {
        CUSTODY_TRY(h->make_camera(h->slot_dir(d.slot), d.device.serial));
        CUSTODY_TRY(h->cabinet_->command("dock " + std::to_string(d.slot)));
        h->docked_[d.slot] = d.device.serial;
    }
    for (const auto& o : out) {
        CUSTODY_TRY(h->make_camera(h->outside_dir(o.device.serial), o.device.serial));
        h->outside_.push_back(o.device.serial);
    }

    auto& c = h->config_;
    c.source = "--demo";
    c.reader = config::ReaderKind::Pn532;
    c.pn532.connstring = "pn532_uart:" + h->reader_->address() + ":115200";
    auto link = config::parse_cabinet_link(h->cabinet_->address());
    if (!link) return fail(link.error());
    c.cabinet = *link;
    for (int n = 1; n <= h->slot_count_; ++n) {
        fs::create_directories(h->slot_dir(n) + "/volume", ec);
        camera::Gat947Slot s;
        s.slot = n;
        s.vendor.library_path = gat947_sim_library();
        s.init_code = std::string(kCameraIdCode) + "@" + h->slot_dir(n);
        s.mount_path = h->slot_dir(n) + "/volume";
        s.password = kCameraPassword;
        s.mount_timeout = std::chrono::milliseconds(0);
        c.cameras.push_back(s);
    }
    // libnfc looks for USB readers too unless told not to; the demo's is on a pty.
    setenv("LIBNFC_AUTO_SCAN", "false", 1);
    h->lifter_ = std::thread([p = h.get()] { p->lift_badges(); });
    return h;
}

DemoHardware::~DemoHardware() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    lift_wake_.notify_all();
    if (lifter_.joinable()) lifter_.join();
}

void DemoHardware::lift_badges() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        if (!lift_at_) {
            lift_wake_.wait(lock);
            continue;
        }
        if (lift_wake_.wait_until(lock, *lift_at_) == std::cv_status::timeout && lift_at_ &&
            std::chrono::steady_clock::now() >= *lift_at_) {
            lift_at_.reset();
            lock.unlock();
            if (auto r = reader_->command("remove"); !r) log_event(LogLevel::Warning, log_line(r.error()));
            lock.lock();
        }
    }
}

std::vector<DemoBadge> DemoHardware::badges() const {
    std::vector<DemoBadge> out;
    for (const auto& o : agency_.officers)
        if (o.active) out.push_back(DemoBadge{o.badge, o.name, o.number, o.role});
    return out;
}

Status DemoHardware::tap(const std::string& uid) {
    auto placed = reader_->command("tap " + uid);
    if (!placed) return fail(placed.error());
    {
        std::lock_guard lock(mutex_);
        lift_at_ = std::chrono::steady_clock::now() + kCardOnReader;
    }
    lift_wake_.notify_all();
    return {};
}

Status DemoHardware::dock(int slot, const std::string& serial) {
    std::lock_guard lock(mutex_);
    if (slot < 1 || slot > slot_count_) return fail(Error(MessageId::CabinetSlotUnknown, {std::to_string(slot), std::to_string(slot_count_)}));
    if (auto it = docked_.find(slot); it != docked_.end())
        return fail(Error(MessageId::SlotOccupied, {std::to_string(slot), it->second}));
    auto outside = std::find(outside_.begin(), outside_.end(), serial);
    if (outside == outside_.end()) return fail(Error(MessageId::DeviceNotDocked, {serial, "?"}));
    // What the officer recorded: from the checkout to now.
    Timestamp from{clock_.now().ms - 2 * kMsPerHour};
    if (auto tx = store_.begin()) {
        if (auto d = (*tx)->device_by_serial(serial); d && *d && (*d)->open_checkout_id)
            if (auto e = (*tx)->custody_entry(*(*d)->open_checkout_id); e && *e) from = (*e)->at;
    }
    auto made = record_shift(outside_dir(serial) + "/volume", serial, from, clock_.now(), ++recordings_made_ * 10);
    if (!made) return fail(made.error());
    std::error_code ec;
    fs::remove_all(slot_dir(slot), ec);
    fs::rename(outside_dir(serial), slot_dir(slot), ec);
    if (ec) return fail(Error(MessageId::FileUnwritable, {slot_dir(slot), ec.message()}));
    outside_.erase(outside);
    docked_[slot] = serial;
    auto answer = cabinet_->command("dock " + std::to_string(slot));
    if (!answer) return fail(answer.error());
    return {};
}

Status DemoHardware::take(int slot) {
    std::lock_guard lock(mutex_);
    auto it = docked_.find(slot);
    if (it == docked_.end()) return fail(Error(MessageId::KioskSlotHasNoDevice, {std::to_string(slot)}));
    auto removed = cabinet_->command("remove " + std::to_string(slot));
    if (!removed) return fail(removed.error());
    if (auto closed = cabinet_->command("close " + std::to_string(slot)); !closed) return fail(closed.error());
    const std::string serial = it->second;
    std::error_code ec;
    fs::remove_all(outside_dir(serial), ec);
    fs::rename(slot_dir(slot), outside_dir(serial), ec);
    if (ec) return fail(Error(MessageId::FileUnwritable, {outside_dir(serial), ec.message()}));
    fs::create_directories(slot_dir(slot) + "/volume", ec);
    docked_.erase(it);
    outside_.push_back(serial);
    return {};
}

Result<std::string> DemoHardware::cabinet_status(int slot) { return cabinet_->command("status " + std::to_string(slot)); }

std::map<int, std::string> DemoHardware::docked() const {
    std::lock_guard lock(mutex_);
    return docked_;
}

std::vector<std::string> DemoHardware::outside() const {
    std::lock_guard lock(mutex_);
    return outside_;
}

}  // namespace custody::ui
