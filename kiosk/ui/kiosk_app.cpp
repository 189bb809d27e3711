#include "kiosk/ui/kiosk_app.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <wx/display.h>
#include <wx/msgdlg.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>
#include <sstream>

#include "kiosk/core/log.h"
#include "kiosk/service/journal_sink.h"
#include "kiosk/service/service_notifier.h"
#include "kiosk/ui/simulator_panel.h"
#include "kiosk/ui/tool_paths.h"
#include "kiosk/ui/translations.h"

extern char** environ;

namespace custody::ui {

namespace {

namespace fs = std::filesystem;

// A demo database is one the demo made: its first audit entry is the demo's.
Result<bool> made_by_demo(const std::string& path) {
    auto c = db::Connection::open(path, db::Connection::Mode::ReadOnly);
    if (!c) return fail(c.error());
    auto q = (*c)->prepare("SELECT actor FROM audit_log ORDER BY seq LIMIT 1");
    if (!q) return false;
    auto row = q->step();
    if (!row) return fail(row.error());
    return *row && q->text(0) == "demo";
}

Status create_demo_database(const std::string& path) {
    std::cout << "创建演示数据库 / creating the demo database: " << path << std::endl;
    std::vector<std::string> words{custodyctl_program(), "--db", path, "demo"};
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    if (int rc = posix_spawn(&pid, words[0].c_str(), nullptr, nullptr, argv.data(), environ); rc != 0)
        return fail(Error(MessageId::KioskDemoNotCreated, {path, std::to_string(rc)}));
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return fail(Error(MessageId::KioskDemoNotCreated, {path, std::to_string(WEXITSTATUS(status))}));
    return {};
}

std::string both(const Error& e) { return render(e, Lang::Zh) + "\n" + render(e, Lang::En); }

// SIGTERM (systemd stopping the kiosk) and SIGINT end the main loop cleanly, so the
// offload workers finish their step and the simulators are stopped.
std::atomic<bool> stop_requested{false};
extern "C" void request_stop(int) { stop_requested = true; }

}  // namespace

KioskOptions KioskApp::options_;

void KioskApp::use_options(const KioskOptions& o) { options_ = o; }

bool KioskApp::OnInit() {
    struct sigaction sa {};
    sa.sa_handler = request_stop;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    service::log_to_journal_under_systemd();
    // The same timer pings systemd's watchdog: pings stop when the UI loop hangs.
    const auto ping_every = service::watchdog_ping_interval();
    stop_watch_.SetOwner(this);
    Bind(wxEVT_TIMER, [this, ping_every, last_ping = std::chrono::steady_clock::time_point{}](wxTimerEvent&) mutable {
        if (ping_every && std::chrono::steady_clock::now() - last_ping >= *ping_every) {
            service::notify_watchdog();
            last_ping = std::chrono::steady_clock::now();
        }
        if (!stop_requested) return;
        stop_watch_.Stop();
        log_event(LogLevel::Info, "stopping on a signal");
        ExitMainLoop();
    });
    stop_watch_.Start(200);
    if (auto s = start(options_); !s) {
        log_event(LogLevel::Error, log_line(s.error()));
        std::cerr << both(s.error()) << std::endl;
        show_failure(s.error());
        return false;
    }
    service::notify_ready();
    return true;
}

void KioskApp::show_failure(const Error& e) {
    // On the panel too, in both languages: nobody at the kiosk reads its log.
    wxMessageBox(wxString::FromUTF8(both(e)), "custody-kiosk", wxOK | wxICON_ERROR);
}

Status KioskApp::start_demo(const KioskOptions& o, RigOptions& rig) {
    if (!fs::exists(o.db_path)) {
        CUSTODY_TRY(create_demo_database(o.db_path));
    } else {
        auto demo = made_by_demo(o.db_path);
        if (!demo) return fail(demo.error());
        if (!*demo) return fail(Error(MessageId::KioskDemoOnRealDatabase, {o.db_path}));
    }
    auto store = db::SqliteStore::open(db::StorePaths::for_db(o.db_path), rig_clock_);
    if (!store) return fail(store.error());
    demo_store_ = std::move(*store);
    const std::string work = fs::path(o.db_path).parent_path().string() + "/demo-kiosk";
    auto hw = DemoHardware::start(*demo_store_, rig_clock_, work);
    if (!hw) return fail(hw.error());
    demo_ = std::move(*hw);
    rig.hardware = demo_->config();
    return {};
}

Status KioskApp::start(const KioskOptions& o) {
    RigOptions rig;
    rig.db_path = o.db_path;
    rig.archive_root = o.archive_root;
    if (o.demo) {
        CUSTODY_TRY(start_demo(o, rig));
    } else {
        auto hw = config::load_hardware_config(o.config_path.empty() ? config::default_config_path() : o.config_path);
        if (!hw) return fail(hw.error());
        rig.hardware = std::move(*hw);
    }
    auto opened = KioskRig::open(rig);
    if (!opened) return fail(opened.error());
    rig_ = std::move(*opened);

    const bool full_screen = o.full_screen.value_or(!o.demo);
    wxSize size(o.width, o.height);
    if (o.width == 0) size = full_screen ? wxDisplay(0u).GetGeometry().GetSize() : wxSize(1280, 800);
    frame_ = new KioskFrame(size, full_screen);
    terminal::PostToUi post = [this](terminal::UiTask task) { CallAfter(std::move(task)); };
    terminal_ = std::make_unique<terminal::KioskTerminal>(rig_->parts(post), [this] {
        if (frame_) frame_->view_changed();
    });
    if (o.lang && *o.lang != terminal_->view().lang) terminal_->tap_language();
    use_language(terminal_->view().lang);
    frame_->attach(*terminal_);
    frame_->Show();
    CUSTODY_TRY(rig_->start(*terminal_, post));
    if (demo_) {
        auto* panel = new SimulatorPanel(frame_, *demo_, frame_->GetPosition() + wxPoint(size.x + 10, 0));
        panel->Show();
        auto listening =
            SimControl::listen(demo_->work_dir() + "/sim.sock", [this](const std::string& l) { return control(l); });
        if (!listening) return fail(listening.error());
        control_ = std::move(*listening);
        std::cout << "演示已启动 / demo running: " << demo_->work_dir() << "/sim.sock" << std::endl;
    }
    return {};
}

// custodyctl sim's commands, on the control socket's thread.
std::string KioskApp::control(const std::string& line) {
    std::istringstream in(line);
    std::string verb;
    in >> verb;
    auto answer = [](const Status& s) { return s ? std::string("ok") : "error " + render(s.error(), Lang::En); };
    if (verb == "tap") {
        std::string uid;
        in >> uid;
        return answer(demo_->tap(uid));
    }
    if (verb == "dock" || verb == "take" || verb == "cabinet") {
        int slot = 0;
        std::string serial;
        in >> slot >> serial;
        if (verb == "dock") return answer(demo_->dock(slot, serial));
        if (verb == "take") return answer(demo_->take(slot));
        auto s = demo_->cabinet_status(slot);
        return s ? *s : "error " + render(s.error(), Lang::En);
    }
    if (verb == "screen") {
        // The screen lives on the UI thread: ask it there, and wait a bounded time.
        auto promise = std::make_shared<std::promise<std::string>>();
        auto future = promise->get_future();
        CallAfter([this, promise] { promise->set_value(frame_ ? frame_->describe() : std::string("screen none\n")); });
        if (future.wait_for(std::chrono::seconds(5)) != std::future_status::ready) return "error the screen did not answer";
        return future.get();
    }
    return "error unknown command " + verb + " (tap UID | dock SLOT SERIAL | take SLOT | cabinet SLOT | screen)";
}

int KioskApp::OnExit() {
    service::notify_stopping();
    shutdown();
    return wxApp::OnExit();
}

KioskApp::~KioskApp() { shutdown(); }

// The control socket and the hardware stop before what their events would reach goes.
void KioskApp::shutdown() {
    control_.reset();
    if (rig_) rig_->stop();
    frame_ = nullptr;
    terminal_.reset();
    rig_.reset();
    demo_.reset();
    demo_store_.reset();
}

}  // namespace custody::ui
