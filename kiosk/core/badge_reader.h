#pragma once
// The badge reader port. An adapter runs its own polling thread and reports each tap
// once (debounced while the card stays on the reader) and every change of the reader's
// state, so the UI can say "reader offline" and the log can say why.

#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/result.h"

namespace custody {

enum class ReaderState { Online, Offline };

struct BadgeTap {
    std::string uid;  // normalised upper-case hex (normalise_badge_uid)
    Timestamp at;
};

// Called on the adapter's thread: implementations hand the event over to their own
// thread (the UI uses CallAfter) and return quickly.
class BadgeEvents {
public:
    virtual ~BadgeEvents() = default;
    virtual void on_tap(const BadgeTap& tap) = 0;
    virtual void on_reader_state(ReaderState state, const Error& why) = 0;
};

class BadgeReader {
public:
    virtual ~BadgeReader() = default;
    // Starts polling; fails only if the adapter cannot start at all. A reader that is
    // absent or unplugged is reported as Offline and retried with backoff.
    virtual Status start(BadgeEvents& events) = 0;
    // Stops polling and joins the thread; no event arrives after it returns.
    virtual void stop() = 0;
};

}  // namespace custody
