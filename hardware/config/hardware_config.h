#pragma once
// What kiosk.conf says about the hardware beside the kiosk: which badge reader, how to
// reach the cabinet board, and for each slot how to reach its camera. The sections and
// keys are documented, with an example, in docs/hardware/kiosk-conf.md.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hardware/cabinet/modbus_cabinet_controller.h"
#include "hardware/camera/gat947_config.h"
#include "hardware/nfc/libnfc_badge_reader.h"
#include "hardware/nfc/wedge_badge_reader.h"

namespace custody::config {

enum class ReaderKind { Pn532, Wedge };

// [display]: the screen stays on between these times of day (minutes after midnight) and
// may blank when idle outside them. The kiosk session applies it; the parser only checks it.
struct DisplayHours {
    int awake_from = 7 * 60;
    int awake_until = 22 * 60;
};

struct HardwareConfig {
    std::string source;  // the file it came from, for messages
    ReaderKind reader = ReaderKind::Pn532;
    nfc::LibnfcReaderConfig pn532;
    nfc::WedgeReaderConfig wedge;
    std::optional<CabinetLinkConfig> cabinet;  // none: no [cabinet] link configured
    std::vector<camera::Gat947Slot> cameras;   // one per [slot.N], in slot order
    DisplayHours display;
};

// $CUSTODY_CONF, else /etc/custody-kiosk/kiosk.conf when it exists, else
// $XDG_CONFIG_HOME/custody-kiosk/kiosk.conf (~/.config/...).
std::string default_config_path();

// A missing file is an empty configuration (a PN532 found by libnfc, no cabinet, no
// cameras); an unreadable file or a bad line is an error naming file and line.
Result<HardwareConfig> load_hardware_config(const std::string& path);
Result<HardwareConfig> parse_hardware_config(std::string_view text, const std::string& source);

// "tcp:HOST:PORT" or "rtu:DEVICE" with an optional "@BAUD" (default 115200).
Result<CabinetLinkConfig> parse_cabinet_link(const std::string& text);

}  // namespace custody::config
