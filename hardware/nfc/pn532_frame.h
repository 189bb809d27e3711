#pragma once
// The PN532 serial frame format (user manual §6.2), both directions, with no libnfc:
// the emulator parses what the host sends and builds the chip's answers, and a parser
// that rejects with a precise reason lets garbage on the line be logged, not crash.
//
//   normal:   00 00 FF LEN LCS TFI data... DCS 00      (LEN counts TFI + data)
//   extended: 00 00 FF FF FF LENM LENL LCS TFI data... DCS 00
//   ACK 00 00 FF 00 FF 00, NACK 00 00 FF FF 00 00, error 00 00 FF 01 FF 7F 81 00
// The host may precede a frame with a wake-up run of 0x55 bytes and extra 0x00s.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "kiosk/core/result.h"

namespace custody::nfc {

constexpr std::uint8_t kTfiHostToChip = 0xD4;
constexpr std::uint8_t kTfiChipToHost = 0xD5;

enum class FrameKind { Information, Ack, Nack, ApplicationError };

struct Frame {
    FrameKind kind = FrameKind::Information;
    std::uint8_t tfi = 0;                  // Information frames only
    std::vector<std::uint8_t> data;        // after the TFI: command code and parameters
    std::size_t consumed = 0;              // bytes of input this frame (and its preamble) used
};

enum class FrameRejection {
    Truncated,          // not enough bytes yet: wait for more
    UnknownFraming,     // no 00 FF start code where one must be
    BadLengthChecksum,  // LEN + LCS != 0 (mod 256)
    BadDataChecksum,    // TFI + data + DCS != 0 (mod 256)
    WrongTfi,           // a well-formed frame for the other direction
};

struct FrameError {
    FrameRejection reason = FrameRejection::Truncated;
    // Bytes a stream reader should drop before trying again (0 for Truncated).
    std::size_t consumed = 0;
};

std::string_view describe(FrameRejection reason);

// Parses one frame at the start of `bytes`, in either direction.
Result<Frame, FrameError> parse_frame(std::span<const std::uint8_t> bytes);
// Parses one host-to-chip frame: Information frames must carry TFI D4.
Result<Frame, FrameError> parse_host_frame(std::span<const std::uint8_t> bytes);

// An Information frame (normal, or extended when data is longer than 254 bytes).
std::vector<std::uint8_t> build_information_frame(std::uint8_t tfi, std::span<const std::uint8_t> data);
// The chip's answer to `command`: TFI D5, command code + 1, then `payload`.
std::vector<std::uint8_t> build_response(std::uint8_t command, std::span<const std::uint8_t> payload);
std::vector<std::uint8_t> build_ack();
std::vector<std::uint8_t> build_nack();
std::vector<std::uint8_t> build_syntax_error();

}  // namespace custody::nfc
