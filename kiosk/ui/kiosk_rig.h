#pragma once
// Everything behind the kiosk screen, wired once: the store, the badge reader, the
// cabinet board and its monitor, the cameras, the footage archive and the offload
// workers. Hardware events arrive on the adapters' threads and go to the terminal only
// through PostToUi.

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "db/sqlite_store.h"
#include "hardware/cabinet/modbus_cabinet_controller.h"
#include "hardware/camera/gat947_camera_link.h"
#include "hardware/config/hardware_config.h"
#include "kiosk/archive/disk_archive.h"
#include "kiosk/core/dock_watcher.h"
#include "kiosk/media/file_media_probe.h"
#include "kiosk/terminal/kiosk_terminal.h"
#include "kiosk/ui/ledger_history.h"
#include "kiosk/ui/report_desk.h"

namespace custody::ui {

struct RigOptions {
    std::string db_path;
    std::string archive_root;
    config::HardwareConfig hardware;
    int offload_workers = 2;
};

class KioskRig {
public:
    static Result<std::unique_ptr<KioskRig>> open(const RigOptions& options);
    ~KioskRig();  // stops the reader and the cabinet, finishes the arrival in progress

    terminal::TerminalParts parts(terminal::PostToUi post);
    // From now on the reader's taps and the cabinet's changes reach `terminal`.
    Status start(terminal::KioskTerminal& terminal, terminal::PostToUi post);
    void stop();

    CustodyStore& store() { return *store_; }
    const Clock& clock() const { return clock_; }

private:
    class Bridge;
    KioskRig() = default;

    SystemClock clock_;
    std::unique_ptr<db::SqliteStore> store_;
    std::unique_ptr<BadgeReader> reader_;
    std::unique_ptr<ModbusCabinetController> board_;
    std::unique_ptr<camera::Gat947CameraLink> cameras_;
    std::unique_ptr<archive::DiskArchive> archive_;
    std::unique_ptr<media::FileMediaProbe> probe_;
    std::unique_ptr<FootageOffload> offload_;
    OffloadBoard offload_board_;
    std::unique_ptr<OffloadPool> pool_;
    std::unique_ptr<DockArrival> arrival_;
    std::unique_ptr<Bridge> bridge_;
    std::unique_ptr<DockWatcher> watcher_;
    std::unique_ptr<CabinetMonitor> monitor_;
    std::unique_ptr<CabinetCheckout> checkout_;
    std::unique_ptr<LedgerHistory> history_;
    std::unique_ptr<terminal::BackgroundWork> work_;
    std::unique_ptr<ReportDesk> desk_;
    std::unique_ptr<terminal::BackgroundWork> print_work_;
    bool started_ = false;
};

}  // namespace custody::ui
