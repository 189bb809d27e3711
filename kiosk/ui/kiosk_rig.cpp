#include "kiosk/ui/kiosk_rig.h"

#include "hardware/nfc/libnfc_badge_reader.h"
#include "hardware/nfc/wedge_badge_reader.h"
#include "kiosk/core/agency_time.h"
#include "kiosk/core/log.h"

namespace custody::ui {

// The adapters' threads end here: each event is handed to the UI thread and the
// adapter's thread goes back to its device at once.
class KioskRig::Bridge final : public BadgeEvents, public CabinetListener, public DockEvents {
public:
    void connect(terminal::KioskTerminal* t, terminal::PostToUi post) {
        std::lock_guard lock(mutex_);
        terminal_ = t;
        post_ = std::move(post);
    }
    void set_watcher(DockWatcher* w) { watcher_ = w; }

    void on_tap(const BadgeTap& tap) override {
        to_ui([tap](terminal::KioskTerminal& t) { t.badge_tapped(tap); });
    }
    void on_reader_state(ReaderState state, const Error& why) override {
        log_event(state == ReaderState::Online ? LogLevel::Info : LogLevel::Warning, "badge reader: " + log_line(why));
        to_ui([state, why](terminal::KioskTerminal& t) { t.reader_changed(state, why); });
    }
    void on_slot_changed(const std::optional<SlotStatus>& before, const SlotStatus& now) override {
        if (watcher_) watcher_->on_slot_changed(before, now);
    }
    void on_cabinet_online(const CabinetIdentity& id) override {
        log_event(LogLevel::Info, "cabinet online: " + id.serial + " firmware " + id.firmware);
        to_ui([](terminal::KioskTerminal& t) { t.cabinet_changed(true, std::nullopt); });
    }
    void on_cabinet_offline(const Error& why) override {
        log_event(LogLevel::Warning, "cabinet offline: " + log_line(why));
        to_ui([why](terminal::KioskTerminal& t) { t.cabinet_changed(false, why); });
    }
    void on_docked(const DockArrivalReport& report) override {
        to_ui([report](terminal::KioskTerminal& t) { t.docked(report); });
    }
    void on_dock_failed(int slot, const Error& why) override {
        to_ui([slot, why](terminal::KioskTerminal& t) { t.dock_failed(slot, why); });
    }

private:
    void to_ui(std::function<void(terminal::KioskTerminal&)> f) {
        std::lock_guard lock(mutex_);
        if (!terminal_ || !post_) return;
        auto* t = terminal_;
        post_([t, f = std::move(f)] { f(*t); });
    }

    std::mutex mutex_;
    terminal::KioskTerminal* terminal_ = nullptr;
    terminal::PostToUi post_;
    DockWatcher* watcher_ = nullptr;
};

Result<std::unique_ptr<KioskRig>> KioskRig::open(const RigOptions& o) {
    std::unique_ptr<KioskRig> r(new KioskRig());
    auto store = db::SqliteStore::open(db::StorePaths::for_db(o.db_path), r->clock_);
    if (!store) return fail(store.error());
    r->store_ = std::move(*store);
    std::string zone;
    {
        auto tx = r->store_->begin();
        if (!tx) return fail(tx.error());
        auto profile = (*tx)->profile();
        if (!profile) return fail(profile.error());
        zone = profile->time_zone;
    }
    CUSTODY_TRY(apply_time_zone(zone));
    const auto& hw = o.hardware;
    if (!hw.cabinet) return fail(Error(MessageId::KioskHardwareMissing, {hw.source, "[cabinet] link"}));
    if (hw.reader == config::ReaderKind::Wedge)
        r->reader_ = std::make_unique<nfc::WedgeBadgeReader>(hw.wedge, r->clock_);
    else
        r->reader_ = std::make_unique<nfc::LibnfcBadgeReader>(hw.pn532, r->clock_);
    r->board_ = std::make_unique<ModbusCabinetController>(*hw.cabinet);
    r->cameras_ = std::make_unique<camera::Gat947CameraLink>(hw.cameras);
    auto archive = archive::DiskArchive::open(o.archive_root);
    if (!archive) return fail(archive.error());
    r->archive_ = std::move(*archive);
    r->probe_ = std::make_unique<media::FileMediaProbe>(zone);
    r->offload_ = std::make_unique<FootageOffload>(*r->store_, r->clock_, *r->archive_, *r->probe_);
    r->pool_ = std::make_unique<OffloadPool>(*r->offload_, *r->cameras_, r->offload_board_, o.offload_workers);
    r->arrival_ = std::make_unique<DockArrival>(*r->store_, r->clock_, *r->cameras_);
    r->bridge_ = std::make_unique<Bridge>();
    r->watcher_ = std::make_unique<DockWatcher>(*r->arrival_, *r->bridge_);
    r->bridge_->set_watcher(r->watcher_.get());
    r->monitor_ = std::make_unique<CabinetMonitor>(*r->board_, *r->bridge_);
    r->checkout_ = std::make_unique<CabinetCheckout>(*r->store_, r->clock_, *r->cameras_, *r->monitor_);
    auto history = LedgerHistory::open(o.db_path);
    if (!history) return fail(history.error());
    r->history_ = std::move(*history);
    r->work_ = std::make_unique<terminal::BackgroundWork>();
    r->desk_ = std::make_unique<ReportDesk>(*r->store_, o.db_path, report_folder_for(o.db_path), r->clock_);
    r->print_work_ = std::make_unique<terminal::BackgroundWork>();
    return r;
}

terminal::TerminalParts KioskRig::parts(terminal::PostToUi post) {
    return terminal::TerminalParts{*store_,        clock_,    *monitor_, *checkout_,     *pool_,
                                   offload_board_, *history_, *work_,    std::move(post), desk_.get(),
                                   print_work_.get()};
}

Status KioskRig::start(terminal::KioskTerminal& terminal, terminal::PostToUi post) {
    bridge_->connect(&terminal, std::move(post));
    monitor_->start();
    CUSTODY_TRY(reader_->start(*bridge_));
    started_ = true;
    return {};
}

void KioskRig::stop() {
    if (!started_) return;
    started_ = false;
    reader_->stop();
    monitor_->stop();
    watcher_->drain();
    work_->drain();
    print_work_->drain();
    bridge_->connect(nullptr, nullptr);
}

KioskRig::~KioskRig() {
    stop();
    // The cabinet work and the arrivals end before what they use goes.
    work_.reset();
    print_work_.reset();  // before the desk it prints with
    watcher_.reset();
    monitor_.reset();
}

}  // namespace custody::ui
