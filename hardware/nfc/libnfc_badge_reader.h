#pragma once
// The badge reader port over libnfc: a thread selects ISO 14443A cards, reports each tap
// once while the card stays on the field, and reports the reader Offline (and retries with
// growing pauses) whenever libnfc cannot open it or a select fails.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "kiosk/core/badge_reader.h"
#include "kiosk/core/clock.h"

struct nfc_context;
struct nfc_device;

namespace custody::nfc {

struct LibnfcReaderConfig {
    std::string connstring;  // e.g. "pn532_uart:/dev/ttyUSB0:115200"; empty: the first reader libnfc finds
    std::chrono::milliseconds poll_interval{50};
    std::chrono::milliseconds backoff_first{100};  // pause after the first failure, doubled up to…
    std::chrono::milliseconds backoff_max{2000};
};

class LibnfcBadgeReader final : public BadgeReader {
public:
    LibnfcBadgeReader(LibnfcReaderConfig config, const Clock& clock);
    ~LibnfcBadgeReader() override;

    Status start(BadgeEvents& events) override;
    void stop() override;

private:
    void run();
    bool connect(std::string& why);  // false: stay offline, `why` says what failed
    void disconnect();
    void go_offline(const std::string& why);
    bool pause(std::chrono::milliseconds d);  // false when stop() was called

    LibnfcReaderConfig config_;
    const Clock& clock_;
    BadgeEvents* events_ = nullptr;
    nfc_context* ctx_ = nullptr;
    nfc_device* dev_ = nullptr;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

}  // namespace custody::nfc
