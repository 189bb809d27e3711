#include "hardware/nfc/wedge_keystrokes.h"

#include <array>
#include <cctype>

namespace custody::nfc::wedge {

namespace {

struct KeyChar {
    std::uint16_t code;
    char c;
    std::uint16_t hid_usage;  // USB HID keyboard page, what MSC_SCAN carries
};

// Evdev key codes follow the keyboard layout, not the alphabet, hence the table.
constexpr std::array<KeyChar, 36> kMainRow{{
    {KEY_1, '1', 0x1E}, {KEY_2, '2', 0x1F}, {KEY_3, '3', 0x20}, {KEY_4, '4', 0x21}, {KEY_5, '5', 0x22},
    {KEY_6, '6', 0x23}, {KEY_7, '7', 0x24}, {KEY_8, '8', 0x25}, {KEY_9, '9', 0x26}, {KEY_0, '0', 0x27},
    {KEY_A, 'A', 0x04}, {KEY_B, 'B', 0x05}, {KEY_C, 'C', 0x06}, {KEY_D, 'D', 0x07}, {KEY_E, 'E', 0x08},
    {KEY_F, 'F', 0x09}, {KEY_G, 'G', 0x0A}, {KEY_H, 'H', 0x0B}, {KEY_I, 'I', 0x0C}, {KEY_J, 'J', 0x0D},
    {KEY_K, 'K', 0x0E}, {KEY_L, 'L', 0x0F}, {KEY_M, 'M', 0x10}, {KEY_N, 'N', 0x11}, {KEY_O, 'O', 0x12},
    {KEY_P, 'P', 0x13}, {KEY_Q, 'Q', 0x14}, {KEY_R, 'R', 0x15}, {KEY_S, 'S', 0x16}, {KEY_T, 'T', 0x17},
    {KEY_U, 'U', 0x18}, {KEY_V, 'V', 0x19}, {KEY_W, 'W', 0x1A}, {KEY_X, 'X', 0x1B}, {KEY_Y, 'Y', 0x1C},
    {KEY_Z, 'Z', 0x1D},
}};

// Some readers type on the numeric keypad instead of the main row.
constexpr std::array<KeyChar, 10> kKeypad{{
    {KEY_KP1, '1', 0x59}, {KEY_KP2, '2', 0x5A}, {KEY_KP3, '3', 0x5B}, {KEY_KP4, '4', 0x5C}, {KEY_KP5, '5', 0x5D},
    {KEY_KP6, '6', 0x5E}, {KEY_KP7, '7', 0x5F}, {KEY_KP8, '8', 0x60}, {KEY_KP9, '9', 0x61}, {KEY_KP0, '0', 0x62},
}};

std::optional<std::uint16_t> hid_usage(std::uint16_t code) {
    for (const auto& k : kMainRow)
        if (k.code == code) return k.hid_usage;
    for (const auto& k : kKeypad)
        if (k.code == code) return k.hid_usage;
    if (code == KEY_ENTER) return 0x28;
    if (code == KEY_TAB) return 0x2B;
    if (code == KEY_KPENTER) return 0x58;
    return std::nullopt;
}

input_event record(std::chrono::microseconds t, std::uint16_t type, std::uint16_t code, std::int32_t value) {
    input_event ev{};
    ev.input_event_sec = static_cast<decltype(ev.input_event_sec)>(t.count() / 1'000'000);
    ev.input_event_usec = static_cast<decltype(ev.input_event_usec)>(t.count() % 1'000'000);
    ev.type = type;
    ev.code = code;
    ev.value = value;
    return ev;
}

}  // namespace

std::optional<std::uint16_t> key_for_char(char c) {
    const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const auto& k : kMainRow)
        if (k.c == upper) return k.code;
    return std::nullopt;
}

std::optional<char> char_for_key(std::uint16_t code) {
    for (const auto& k : kMainRow)
        if (k.code == code) return k.c;
    for (const auto& k : kKeypad)
        if (k.code == code) return k.c;
    return std::nullopt;
}

bool is_enter_key(std::uint16_t code) { return code == KEY_ENTER || code == KEY_KPENTER; }

bool is_modifier_key(std::uint16_t code) {
    switch (code) {
        case KEY_LEFTSHIFT: case KEY_RIGHTSHIFT: case KEY_LEFTCTRL: case KEY_RIGHTCTRL:
        case KEY_LEFTALT: case KEY_RIGHTALT: case KEY_LEFTMETA: case KEY_RIGHTMETA:
        case KEY_CAPSLOCK: case KEY_NUMLOCK: case KEY_SCROLLLOCK:
            return true;
        default:
            return false;
    }
}

std::chrono::microseconds event_time(const input_event& ev) {
    return std::chrono::seconds(static_cast<std::int64_t>(ev.input_event_sec)) +
           std::chrono::microseconds(static_cast<std::int64_t>(ev.input_event_usec));
}

std::optional<std::vector<std::uint16_t>> keys_for_text(std::string_view text, bool enter) {
    std::vector<std::uint16_t> keys;
    for (char c : text) {
        auto k = key_for_char(c);
        if (!k) return std::nullopt;
        keys.push_back(*k);
    }
    if (enter) keys.push_back(KEY_ENTER);
    return keys;
}

std::vector<input_event> keystroke_records(const std::vector<std::uint16_t>& keys, std::chrono::microseconds at,
                                           std::chrono::microseconds step) {
    std::vector<input_event> out;
    out.reserve(keys.size() * 6);
    auto t = at;
    for (std::uint16_t code : keys) {
        const auto usage = hid_usage(code);
        for (std::int32_t value : {1, 0}) {
            const auto stamp = value == 1 ? t : t + step / 2;
            if (usage) out.push_back(record(stamp, EV_MSC, MSC_SCAN, static_cast<std::int32_t>(0x70000 | *usage)));
            out.push_back(record(stamp, EV_KEY, code, value));
            out.push_back(record(stamp, EV_SYN, SYN_REPORT, 0));
        }
        t += step;
    }
    return out;
}

}  // namespace custody::nfc::wedge
