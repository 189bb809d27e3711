#pragma once
// How a USB keyboard-wedge badge reader types: every character is a key press and release
// on the main row, every card number ends with Enter, and each key comes as the records a
// USB keyboard sends (MSC_SCAN, EV_KEY, SYN_REPORT). wedge-sim encodes with this file and
// the adapter decodes with it, so the two cannot disagree on the key map.

#include <linux/input.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace custody::nfc::wedge {

// The key that types `c` (0-9, A-Z, a-z: readers type letters without Shift), or nullopt.
std::optional<std::uint16_t> key_for_char(char c);
// The character a key types: main-row and keypad digits, letters in upper case.
std::optional<char> char_for_key(std::uint16_t code);
bool is_enter_key(std::uint16_t code);     // Enter or keypad Enter
bool is_modifier_key(std::uint16_t code);  // Shift, Ctrl, Alt, Meta, and the three locks

// When the record was stamped, in the stamping clock (the kernel's, or the simulator's).
std::chrono::microseconds event_time(const input_event& ev);

// The keys for `text`, then Enter when `enter`; nullopt if a character has no key.
std::optional<std::vector<std::uint16_t>> keys_for_text(std::string_view text, bool enter);

// The records for pressing and releasing each key in turn: the first press stamped `at`,
// each release half a `step` after its press, the next press a `step` later.
std::vector<input_event> keystroke_records(const std::vector<std::uint16_t>& keys, std::chrono::microseconds at,
                                           std::chrono::microseconds step);

}  // namespace custody::nfc::wedge
