#include "hardware/nfc/wedge_typing.h"

#include "hardware/nfc/wedge_keystrokes.h"

namespace custody::nfc {

using namespace wedge;

namespace {
// Longer than any UID in either format; beyond it a stuck reader cannot grow the line.
constexpr std::size_t kMaxLine = 24;

std::string describe(const input_event& ev) {
    if (ev.type == EV_KEY) return "key code " + std::to_string(ev.code);
    return "event type " + std::to_string(ev.type) + " code " + std::to_string(ev.code);
}
}  // namespace

WedgeTyping::WedgeTyping(std::chrono::milliseconds inter_key_timeout) : timeout_(inter_key_timeout) {}

void WedgeTyping::reset() {
    state_ = State::Idle;
    text_.clear();
    overlong_ = false;
    dropped_ = false;
}

Error WedgeTyping::expired() const {
    return Error(MessageId::ReaderPartialUidExpired, {text_, std::to_string(timeout_.count())});
}

void WedgeTyping::note_input(const input_event& ev, SteadyTime now, std::vector<TypingOutcome>& out) {
    const auto stamp = event_time(ev);
    // A stamp earlier than the last one (the wall clock was set back) counts as no pause.
    if (state_ != State::Idle && stamp - last_stamp_ > timeout_) {
        if (state_ == State::Typing) out.emplace_back(expired());
        reset();
    }
    last_stamp_ = stamp;
    last_read_ = now;
}

void WedgeTyping::reject(const std::string& what, bool spoils_following, std::vector<TypingOutcome>& out) {
    if (state_ == State::Discarding) return;  // the line is already reported
    out.emplace_back(Error(MessageId::ReaderUnexpectedInput, {what, text_}));
    // A stray key between numbers spoils nothing; the next number still counts.
    if (state_ == State::Idle && !spoils_following) return;
    text_.clear();
    overlong_ = false;
    state_ = State::Discarding;
}

std::vector<TypingOutcome> WedgeTyping::feed(const input_event& ev, SteadyTime now) {
    std::vector<TypingOutcome> out;
    if (dropped_) {
        // The evdev protocol: after SYN_DROPPED everything up to the next report is stale.
        if (ev.type == EV_SYN && ev.code == SYN_REPORT) dropped_ = false;
        return out;
    }
    switch (ev.type) {
        case EV_SYN:
            if (ev.code == SYN_DROPPED) {
                note_input(ev, now, out);
                // Lost records may hold the start of a number: what follows is not one.
                reject("events lost by the kernel (SYN_DROPPED)", true, out);
                dropped_ = true;
            }
            return out;
        case EV_MSC:
        case EV_LED:
        case EV_REP:
            return out;
        case EV_KEY:
            if (ev.value != 1 || is_modifier_key(ev.code)) return out;
            note_input(ev, now, out);
            key_press(ev, out);
            return out;
        default:
            note_input(ev, now, out);
            reject(describe(ev), false, out);
            return out;
    }
}

void WedgeTyping::key_press(const input_event& ev, std::vector<TypingOutcome>& out) {
    if (is_enter_key(ev.code)) {
        if (state_ == State::Typing) {
            if (overlong_) {
                out.emplace_back(Error(MessageId::ReaderUidWrongLength, {text_ + "..."}));
            } else {
                out.emplace_back(TypedLine{text_, event_time(ev)});
            }
        }
        reset();  // an Enter on its own (some readers send CR LF) is nothing
        return;
    }
    const auto c = char_for_key(ev.code);
    if (!c) {
        reject(describe(ev), false, out);
        return;
    }
    if (state_ == State::Discarding) return;
    state_ = State::Typing;
    if (text_.size() < kMaxLine) {
        text_ += *c;
    } else {
        overlong_ = true;
    }
}

std::optional<WedgeTyping::SteadyTime> WedgeTyping::deadline() const {
    if (state_ == State::Idle) return std::nullopt;
    return last_read_ + timeout_;
}

std::optional<Error> WedgeTyping::expire(SteadyTime now) {
    auto d = deadline();
    if (!d || now < *d) return std::nullopt;
    std::optional<Error> e;
    if (state_ == State::Typing) e = expired();
    reset();
    return e;
}

}  // namespace custody::nfc
