#pragma once
// The badge reader port over a USB keyboard-wedge reader: a thread reads the reader's evdev
// node (grabbed, so nothing it types reaches the UI), turns the keystrokes into card
// numbers, reports each tap once however often the reader repeats it (see TapDebounce), and
// reports the reader Offline (and reopens it with growing pauses) whenever the node cannot be
// opened or grabbed or goes away. docs/hardware/badge-reader.md has the details.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <thread>

#include "hardware/nfc/wedge_device.h"
#include "hardware/nfc/wedge_uid_format.h"
#include "kiosk/core/badge_reader.h"
#include "kiosk/core/clock.h"

namespace custody::nfc {

class TapDebounce;

struct WedgeReaderConfig {
    std::string device;  // e.g. /dev/input/by-id/usb-ACME_Reader-event-kbd (see list_keyboard_devices)
    // Refuse to read unless EVIOCGRAB succeeds. Only tests turn this off: a FIFO cannot be grabbed.
    bool require_exclusive = true;
    WedgeUidFormat format = WedgeUidFormat::Hex;
    Decimal10ByteOrder byte_order = Decimal10ByteOrder::LittleEndian;  // decimal10 only
    // A pause longer than this inside a card number drops what was typed so far. Readers type
    // a number in a few tens of milliseconds.
    std::chrono::milliseconds inter_key_timeout{250};
    // The same UID again within this window of its last sighting is the same tap; the window
    // restarts at every sighting, so a card left on the reader stays one tap.
    std::chrono::milliseconds debounce{1500};
    std::chrono::milliseconds backoff_first{100};  // pause after the first failure, doubled up to…
    std::chrono::milliseconds backoff_max{2000};
};

class WedgeBadgeReader final : public BadgeReader {
public:
    WedgeBadgeReader(WedgeReaderConfig config, const Clock& clock);
    ~WedgeBadgeReader() override;

    Status start(BadgeEvents& events) override;
    void stop() override;

    // Times the thread has tried to open the device: lets a test wait for "retried N more
    // times" instead of sleeping.
    std::size_t open_attempts() const { return open_attempts_; }

private:
    void run();
    Result<DeviceFd> connect();
    // Reads until the device goes away (the reason) or stop() is called (nullopt).
    std::optional<Error> serve(int fd);
    void handle_line(const std::string& text, std::chrono::microseconds at, TapDebounce& debounce);
    void report_offline(const Error& why);
    bool pause(std::chrono::milliseconds d);  // false when stop() was called

    WedgeReaderConfig config_;
    const Clock& clock_;
    BadgeEvents* events_ = nullptr;
    std::thread thread_;
    int wake_fd_ = -1;  // eventfd: stop() makes it readable
    std::atomic<std::size_t> open_attempts_{0};
    std::optional<Error> last_offline_;  // reported already: the same reason is not repeated
};

}  // namespace custody::nfc
