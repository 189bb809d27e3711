#include "hardware/nfc/tap_debounce.h"

namespace custody::nfc {

bool TapDebounce::admit(const std::string& uid, std::chrono::microseconds at) {
    std::erase_if(last_seen_, [&](const auto& seen) { return at - seen.second >= window_; });
    auto it = last_seen_.find(uid);
    // A stamp before the last sighting means the clock was set back: better a second tap
    // than a badge ignored until the clock catches up.
    const bool repeat = it != last_seen_.end() && at >= it->second;
    last_seen_[uid] = at;
    return !repeat;
}

}  // namespace custody::nfc
