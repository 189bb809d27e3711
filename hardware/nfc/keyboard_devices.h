#pragma once
// The keyboards udev names by USB identity, for an installer to offer as badge readers:
// a wedge reader shows up as one of them (…-event-kbd), under a name that stays the same
// across reboots and ports, unlike /dev/input/eventN.

#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/core/result.h"

namespace custody::nfc {

struct KeyboardDevice {
    std::string by_id;  // the stable name, what the reader's device setting should hold
    std::string node;   // what it resolves to now, e.g. /dev/input/event5
};

// Every *-event-kbd link in `dir`, sorted by name; empty when the directory does not exist
// (no keyboard has a USB identity). Fails with FileUnreadable if it cannot be listed.
Result<std::vector<KeyboardDevice>> list_keyboard_devices(const std::filesystem::path& dir = "/dev/input/by-id");

}  // namespace custody::nfc
