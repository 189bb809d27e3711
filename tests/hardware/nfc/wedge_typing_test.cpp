// Keystroke records to typed lines, fed directly with chosen stamps: no thread, no clock.
#include "hardware/nfc/wedge_typing.h"

#include <gtest/gtest.h>

#include "hardware/nfc/wedge_keystrokes.h"

namespace custody::nfc {
namespace {

using namespace std::chrono_literals;
using std::chrono::microseconds;

// What typing produced, one string each: the line, or the rejection's message id.
struct Fed {
    std::vector<std::string> out;
    std::vector<Error> errors;
};

class Typist {
public:
    Typist() : typing_(250ms) {}
    // Types `text` (+ Enter) with keys a millisecond apart, starting at `at`.
    void type(std::string_view text, bool enter, microseconds at) {
        feed(wedge::keystroke_records(*wedge::keys_for_text(text, enter), at, 1ms));
    }
    void feed(const std::vector<input_event>& records) {
        for (const auto& ev : records) feed(ev);
    }
    void feed(const input_event& ev) {
        for (auto& o : typing_.feed(ev, now_)) {
            if (auto* line = std::get_if<TypedLine>(&o)) {
                fed.out.push_back(line->text);
            } else {
                fed.out.push_back(std::string(message_text(std::get<Error>(o).id).key));
                fed.errors.push_back(std::get<Error>(o));
            }
        }
    }
    WedgeTyping typing_;
    WedgeTyping::SteadyTime now_{};
    Fed fed;
};

input_event key(std::uint16_t code, std::int32_t value, microseconds at) {
    input_event ev{};
    ev.input_event_sec = at.count() / 1'000'000;
    ev.input_event_usec = at.count() % 1'000'000;
    ev.type = EV_KEY;
    ev.code = code;
    ev.value = value;
    return ev;
}

TEST(WedgeTyping, ALineEndsWithEnter) {
    Typist t;
    t.type("04a23b11", true, 10s);
    EXPECT_EQ(t.fed.out, std::vector<std::string>{"04A23B11"});
    t.type("0289120772", true, 11s);
    EXPECT_EQ(t.fed.out, (std::vector<std::string>{"04A23B11", "0289120772"}));
}

TEST(WedgeTyping, ModifiersRepeatsAndKeypadAreTyping) {
    Typist t;
    t.feed(key(KEY_NUMLOCK, 1, 10s));
    t.feed(key(KEY_LEFTSHIFT, 1, 10s));
    t.feed(key(KEY_KP0, 1, 10s));
    t.feed(key(KEY_KP0, 2, 10s + 1ms));  // auto-repeat: not a second 0
    t.feed(key(KEY_KP0, 0, 10s + 2ms));
    t.feed(key(KEY_A, 1, 10s + 3ms));
    t.feed(key(KEY_LEFTSHIFT, 0, 10s + 4ms));
    t.feed(key(KEY_KPENTER, 1, 10s + 5ms));
    EXPECT_EQ(t.fed.out, std::vector<std::string>{"0A"});
}

TEST(WedgeTyping, AnotherKeyDropsTheLineUpToItsEnter) {
    Typist t;
    t.type("04A2", false, 10s);
    t.feed(key(KEY_TAB, 1, 10s + 10ms));
    t.type("3B11", true, 10s + 20ms);
    t.type("04A23B11", true, 10s + 50ms);
    EXPECT_EQ(t.fed.out, (std::vector<std::string>{"ReaderUnexpectedInput", "04A23B11"}));
    ASSERT_EQ(t.fed.errors.size(), 1u);
    EXPECT_EQ(t.fed.errors[0].args, (std::vector<std::string>{"key code 15", "04A2"}));
}

TEST(WedgeTyping, AStrayKeyBetweenLinesSpoilsNothing) {
    Typist t;
    t.feed(key(KEY_F5, 1, 10s));
    t.type("04A23B11", true, 10s + 1ms);
    EXPECT_EQ(t.fed.out, (std::vector<std::string>{"ReaderUnexpectedInput", "04A23B11"}));
}

TEST(WedgeTyping, OtherEventTypesRejectTheLine) {
    Typist t;
    t.type("04A2", false, 10s);
    input_event rel{};
    rel.input_event_sec = 10;
    rel.type = EV_REL;
    rel.code = REL_X;
    rel.value = 3;
    t.feed(rel);
    t.type("3B11", true, 10s + 20ms);
    EXPECT_EQ(t.fed.out, std::vector<std::string>{"ReaderUnexpectedInput"});
    EXPECT_EQ(t.fed.errors[0].args[0], "event type 2 code 0");
}

TEST(WedgeTyping, LostEventsSpoilTheNextLine) {
    Typist t;
    input_event dropped{};
    dropped.input_event_sec = 10;
    dropped.type = EV_SYN;
    dropped.code = SYN_DROPPED;
    t.feed(dropped);
    t.type("3B11", true, 10s + 1ms);  // perhaps the tail of 04A23B11
    t.type("04A23B11", true, 10s + 30ms);
    EXPECT_EQ(t.fed.out, (std::vector<std::string>{"ReaderUnexpectedInput", "04A23B11"}));
}

TEST(WedgeTyping, APauseBetweenStampsDropsThePartialLine) {
    Typist t;
    t.type("04A2", false, 10s);
    t.type("04A23B11", true, 20s);  // ten seconds later by the reader's stamps
    EXPECT_EQ(t.fed.out, (std::vector<std::string>{"ReaderPartialUidExpired", "04A23B11"}));
    EXPECT_EQ(t.fed.errors[0].args, (std::vector<std::string>{"04A2", "250"}));
}

TEST(WedgeTyping, ReadingLateDoesNotSplitALine) {
    Typist t;
    t.type("04A2", false, 10s);
    t.now_ += 10s;  // the kiosk read the rest much later, but the reader typed it at once
    t.type("3B11", true, 10s + 4ms);
    EXPECT_EQ(t.fed.out, std::vector<std::string>{"04A23B11"});
}

TEST(WedgeTyping, AStoppedLineExpiresByTheClock) {
    Typist t;
    EXPECT_FALSE(t.typing_.deadline());
    t.type("04A2", false, 10s);
    ASSERT_TRUE(t.typing_.deadline());
    EXPECT_FALSE(t.typing_.expire(*t.typing_.deadline() - 1ms));
    auto e = t.typing_.expire(*t.typing_.deadline());
    ASSERT_TRUE(e);
    EXPECT_EQ(e->id, MessageId::ReaderPartialUidExpired);
    EXPECT_FALSE(t.typing_.deadline());
    t.type("04A23B11", true, 10s + 5ms);
    EXPECT_EQ(t.fed.out, std::vector<std::string>{"04A23B11"});
}

TEST(WedgeTyping, AnEndlessLineIsRefusedNotGrown) {
    Typist t;
    t.type(std::string(500, '1'), true, 10s);
    ASSERT_EQ(t.fed.out, std::vector<std::string>{"ReaderUidWrongLength"});
    EXPECT_LT(t.fed.errors[0].args[0].size(), 40u);
}

TEST(WedgeTyping, EnterAloneIsNothing) {
    Typist t;
    t.type("", true, 10s);
    t.type("04A23B11", true, 10s + 30ms);
    t.type("", true, 10s + 60ms);
    EXPECT_EQ(t.fed.out, std::vector<std::string>{"04A23B11"});
}

}  // namespace
}  // namespace custody::nfc
