#include "tests/terminal/terminal_fixture.h"

#include <algorithm>

#include "kiosk/core/checkout.h"
#include "kiosk/core/custodian_login.h"
#include "tests/support/raw_db.h"

namespace custody::test {

terminal::PostToUi UiQueue::poster() {
    return [this](terminal::UiTask task) {
        {
            std::lock_guard lock(mutex_);
            tasks_.push_back(std::move(task));
        }
        posted_.notify_all();
    };
}

void UiQueue::run_pending() {
    for (;;) {
        terminal::UiTask task;
        {
            std::lock_guard lock(mutex_);
            if (tasks_.empty()) return;
            task = std::move(tasks_.front());
            tasks_.pop_front();
        }
        task();
    }
}

bool UiQueue::run_until(const std::function<bool()>& done, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    // One task at a time, then the condition: a screen that lasts for one task only (the
    // issued screen before a quick refusal) is seen as the screens would have drawn it.
    for (;;) {
        if (done()) return true;
        terminal::UiTask task;
        {
            std::unique_lock lock(mutex_);
            if (!posted_.wait_until(lock, deadline, [&] { return !tasks_.empty(); })) return false;
            task = std::move(tasks_.front());
            tasks_.pop_front();
        }
        task();
    }
}

void UiQueue::discard() {
    std::deque<terminal::UiTask> dropped;
    {
        std::lock_guard lock(mutex_);
        dropped.swap(tasks_);
    }
}

void TerminalFixture::CabinetBridge::connect(terminal::KioskTerminal* t, terminal::PostToUi post) {
    std::lock_guard lock(mutex_);
    terminal_ = t;
    post_ = std::move(post);
}

void TerminalFixture::CabinetBridge::on_cabinet_online(const CabinetIdentity&) {
    to_ui([](terminal::KioskTerminal& t) { t.cabinet_changed(true, std::nullopt); });
}

void TerminalFixture::CabinetBridge::on_cabinet_offline(const Error& why) {
    to_ui([why](terminal::KioskTerminal& t) { t.cabinet_changed(false, why); });
}

void TerminalFixture::CabinetBridge::to_ui(std::function<void(terminal::KioskTerminal&)> f) {
    std::lock_guard lock(mutex_);
    if (!terminal_ || !post_) return;
    auto* t = terminal_;
    post_([t, f = std::move(f)] { f(*t); });
}

void TerminalFixture::TearDown() {
    // As the rig stops: no more cabinet events, the checkout in progress ends, then what
    // was posted for a terminal about to go is dropped.
    bridge_.connect(nullptr, nullptr);
    work_.reset();
    print_work_.reset();
    ui_.discard();
    terminal_.reset();
    pool_.reset();  // lets a running offload finish
    checkout_.reset();
    history_.reset();
    OffloadFixture::TearDown();
}

void TerminalFixture::start_cabinet_with(int slots, const std::vector<int>& docked) {
    sim_ = std::make_unique<SimulatorProcess>(
        CABINET_SIM_PATH, std::vector<std::string>{"--slots", std::to_string(slots), "--tcp", "127.0.0.1:0"});
    for (int slot : docked) sim("dock " + std::to_string(slot));
    cabinet_ = std::make_unique<ModbusCabinetController>(CabinetLinkConfig::tcp("127.0.0.1", sim_->tcp_port()));
    monitor_ = std::make_unique<CabinetMonitor>(*cabinet_, bridge_);
    monitor_->start();
    const bool seen = monitor_->wait_until(
        [&](const std::vector<SlotStatus>& now) {
            if (now.size() != static_cast<std::size_t>(slots)) return false;
            for (int slot : docked)
                if (!std::any_of(now.begin(), now.end(),
                                 [&](const SlotStatus& s) { return s.slot == slot && s.camera_present; }))
                    return false;
            return true;
        },
        kHangGuard);
    if (!seen) throw std::runtime_error("the cabinet monitor never saw the docked cameras");
    pool_ = std::make_unique<OffloadPool>(*offload_, *link_, board_, 2);
    checkout_ = std::make_unique<CabinetCheckout>(store_.store(), store_.clock(), *link_, *monitor_, checkout_timings_);
    auto history = ui::LedgerHistory::open(store_.db_path());
    if (!history) throw std::runtime_error(log_line(history.error()));
    history_ = std::move(*history);
    work_ = std::make_unique<terminal::BackgroundWork>();
}

void TerminalFixture::start_terminal() {
    terminal::TerminalParts parts{store_.store(), store_.clock(), *monitor_, *checkout_, *pool_,
                                  board_,         *history_,      *work_,    ui_.poster(), printing_,
                                  print_work_.get()};
    terminal_ = std::make_unique<terminal::KioskTerminal>(parts, [this] { ++changes_; }, terminal_timings_);
    bridge_.connect(terminal_.get(), ui_.poster());
}

bool TerminalFixture::reaches(terminal::Screen s) {
    return ui_.run_until([&] { return view().screen == s; });
}

void TerminalFixture::offloads_finish_then_tick() {
    pool_->wait_idle();
    ui_.run_pending();
    term().tick();
}

void TerminalFixture::after_seconds(int s) {
    store_.clock().advance_ms(s * kMsPerSecond);
    term().tick();
}

void TerminalFixture::sim(const std::string& line) {
    const std::string answer = sim_->command(line);
    if (answer.rfind("ok", 0) != 0) throw std::runtime_error("cabinet-sim refused '" + line + "': " + answer);
}

void TerminalFixture::wait_present(int slot, bool present) {
    if (!cabinet_shows([&](const SlotStatus& s) { return s.slot == slot && s.camera_present == present; }))
        throw std::runtime_error("slot " + std::to_string(slot) + " never showed the camera " +
                                 (present ? "docked" : "gone"));
}

void TerminalFixture::set_pin(const std::string& officer_number, const std::string& pin) {
    auto s = CustodianLogin(store_.store(), store_.clock()).set_pin(officer_number, pin, "admin");
    if (!s) throw std::runtime_error(log_line(s.error()));
}

void TerminalFixture::type_pin(const std::string& pin) {
    for (char c : pin) term().tap_pin_digit(c);
}

void TerminalFixture::log_in_custodian(const std::string& badge, const std::string& pin) {
    term().tap_custodian();
    tap(badge);
    type_pin(pin);
    term().tap_pin_enter();
}

DockArrivalReport TerminalFixture::zhang_docks_cam1(std::size_t bytes) {
    store_.make_all_ready();
    auto grant = Checkout(store_.store(), store_.clock()).run({agency::kZhangBadge, std::nullopt, std::string(kCam1)});
    if (!grant) throw std::runtime_error(log_line(grant.error()));
    camera(1).set("user_no", agency::kZhang);  // what the camera carried on duty
    sim("remove 1");
    wait_present(1, false);
    write_noise(camera(1).volume() / "DCIM/100MEDIA/VID0001.MP4", bytes, 1);
    sim("dock 1");
    wait_present(1, true);
    auto report = DockArrival(store_.store(), store_.clock(), *link_).run(1, charging(1));
    if (!report) throw std::runtime_error(log_line(report.error()));
    return *report;
}

int TerminalFixture::issued_by_tap(const std::string& badge) {
    tap(badge);
    if (view().screen != terminal::Screen::CheckoutWorking) {
        ADD_FAILURE() << "the tap showed " << terminal::screen_code(view().screen);
        return 0;
    }
    if (!reaches(terminal::Screen::CheckoutIssued)) {
        ADD_FAILURE() << "never issued; the screen shows " << terminal::screen_code(view().screen)
                      << (view().refusal ? ": " + log_line(*view().refusal) : std::string());
        return 0;
    }
    return view().checkout ? view().checkout->slot : 0;
}

std::vector<std::string> TerminalFixture::ledger_kinds() {
    std::vector<std::string> kinds;
    RawDb raw(store_.db_path());
    for (auto& row : raw.rows("SELECT kind FROM custody_entries ORDER BY id")) kinds.push_back(row.at(0));
    return kinds;
}

}  // namespace custody::test
