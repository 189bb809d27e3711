#pragma once
// Turns the records a keyboard-wedge reader sends into the lines it typed. Digits and
// letters make up a line, Enter ends it; modifiers, key releases and auto-repeats, scan codes
// and sync records carry nothing. Anything else in a line (another key, a mouse event, the
// kernel's SYN_DROPPED) rejects the line: it is reported once and the rest of it, up to its
// Enter, is dropped, so half a card number is never taken for a whole one. A stray key
// between lines is reported and spoils nothing; SYN_DROPPED spoils the line that follows,
// whose start may be among the lost records.
//
// A pause longer than the inter-key timeout ends a line too: measured between the records'
// own stamps, so a kiosk that reads late never splits a number, and by the reader's clock
// (expire()) for a number that simply stops.

#include <linux/input.h>

#include <chrono>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/core/error.h"

namespace custody::nfc {

struct TypedLine {
    std::string text;              // upper case, as typed
    std::chrono::microseconds at;  // the Enter's stamp
};

// A line, or why typing was rejected (ReaderUnexpectedInput, ReaderPartialUidExpired,
// ReaderUidWrongLength).
using TypingOutcome = std::variant<TypedLine, Error>;

class WedgeTyping {
public:
    using SteadyTime = std::chrono::steady_clock::time_point;

    explicit WedgeTyping(std::chrono::milliseconds inter_key_timeout);

    // `now` is when the record was read, for expire().
    std::vector<TypingOutcome> feed(const input_event& ev, SteadyTime now);
    // When the line being typed expires if no key comes; nullopt when nothing is pending.
    std::optional<SteadyTime> deadline() const;
    // Drops a line whose deadline has passed; the error is set when it held characters.
    std::optional<Error> expire(SteadyTime now);
    // Forgets everything: the device was closed mid-line.
    void reset();

private:
    enum class State { Idle, Typing, Discarding };
    void note_input(const input_event& ev, SteadyTime now, std::vector<TypingOutcome>& out);  // ends a paused line
    void key_press(const input_event& ev, std::vector<TypingOutcome>& out);
    void reject(const std::string& what, bool spoils_following, std::vector<TypingOutcome>& out);
    Error expired() const;

    std::chrono::milliseconds timeout_;
    State state_ = State::Idle;
    std::string text_;
    bool overlong_ = false;
    std::chrono::microseconds last_stamp_{0};
    SteadyTime last_read_{};
    bool dropped_ = false;  // after SYN_DROPPED: ignore records up to the next SYN_REPORT
};

}  // namespace custody::nfc
