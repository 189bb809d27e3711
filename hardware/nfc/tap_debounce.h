#pragma once
// Readers of the keyboard-wedge kind type the UID again and again while a card stays on
// them. A UID seen again within the window of its last sighting is the same tap; the window
// restarts at every sighting, so a card left lying on the reader is one tap, as with the
// libnfc adapter, and the next tap counts once the card has been away a whole window.

#include <chrono>
#include <map>
#include <string>

namespace custody::nfc {

class TapDebounce {
public:
    explicit TapDebounce(std::chrono::milliseconds window) : window_(window) {}

    // True when this sighting (stamped `at`, in the reader's own clock) is a new tap.
    bool admit(const std::string& uid, std::chrono::microseconds at);

private:
    std::chrono::milliseconds window_;
    std::map<std::string, std::chrono::microseconds> last_seen_;
};

}  // namespace custody::nfc
