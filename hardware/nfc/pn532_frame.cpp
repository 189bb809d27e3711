#include "hardware/nfc/pn532_frame.h"

namespace custody::nfc {

namespace {

Failure<FrameError> reject(FrameRejection reason, std::size_t consumed) {
    return fail(FrameError{reason, consumed});
}

std::uint8_t checksum_of(std::span<const std::uint8_t> bytes) {
    unsigned sum = 0;
    for (auto b : bytes) sum += b;
    return static_cast<std::uint8_t>(0x100 - (sum & 0xFF));
}

}  // namespace

std::string_view describe(FrameRejection reason) {
    switch (reason) {
        case FrameRejection::Truncated: return "truncated frame";
        case FrameRejection::UnknownFraming: return "no 00 FF start code";
        case FrameRejection::BadLengthChecksum: return "bad length checksum (LEN + LCS != 0)";
        case FrameRejection::BadDataChecksum: return "bad data checksum (TFI + data + DCS != 0)";
        case FrameRejection::WrongTfi: return "wrong frame identifier (TFI)";
    }
    return "unknown rejection";
}

Result<Frame, FrameError> parse_frame(std::span<const std::uint8_t> bytes) {
    // Skip the wake-up run and preamble: any mix of 0x55 and 0x00 before the start code.
    std::size_t i = 0;
    while (i < bytes.size() && (bytes[i] == 0x55 || bytes[i] == 0x00)) ++i;
    if (i == bytes.size()) return reject(FrameRejection::Truncated, 0);
    // The start code is 00 FF: the byte before FF must be a 00 of that run.
    if (bytes[i] != 0xFF || i == 0 || bytes[i - 1] != 0x00) {
        // Drop the garbage up to (not including) the next possible preamble byte.
        std::size_t next = i + 1;
        while (next < bytes.size() && bytes[next] != 0x00 && bytes[next] != 0x55) ++next;
        return reject(FrameRejection::UnknownFraming, next);
    }
    const std::size_t start = i + 1;  // first byte after 00 FF
    auto at = [&](std::size_t k) { return bytes[start + k]; };
    auto have = [&](std::size_t n) { return bytes.size() >= start + n; };
    // A frame with a bad header is dropped up to its start code, so resynchronising
    // finds the next frame even if this one's length byte was garbage.
    if (!have(2)) return reject(FrameRejection::Truncated, 0);

    Frame f;
    auto finish = [&](std::size_t end) {
        if (end < bytes.size() && bytes[end] == 0x00) ++end;  // the postamble, when present
        f.consumed = end;
        return f;
    };
    if (at(0) == 0x00 && at(1) == 0xFF) {
        f.kind = FrameKind::Ack;
        return finish(start + 2);
    }
    if (at(0) == 0xFF && at(1) == 0x00) {
        f.kind = FrameKind::Nack;
        return finish(start + 2);
    }

    std::size_t len = 0;
    std::size_t body = 0;  // offset of the TFI from `start`
    if (at(0) == 0xFF && at(1) == 0xFF) {
        if (!have(5)) return reject(FrameRejection::Truncated, 0);
        len = (std::size_t{at(2)} << 8) | at(3);
        if (static_cast<std::uint8_t>(at(2) + at(3) + at(4)) != 0)
            return reject(FrameRejection::BadLengthChecksum, start);
        body = 5;
    } else {
        len = at(0);
        if (static_cast<std::uint8_t>(at(0) + at(1)) != 0) return reject(FrameRejection::BadLengthChecksum, start);
        body = 2;
    }
    if (len == 0) return reject(FrameRejection::UnknownFraming, start + body);  // no TFI
    if (!have(body + len + 1)) return reject(FrameRejection::Truncated, 0);

    auto payload = bytes.subspan(start + body, len);
    if (checksum_of(payload) != at(body + len)) return reject(FrameRejection::BadDataChecksum, start + body + len + 1);
    if (len == 1 && payload[0] == 0x7F) {
        f.kind = FrameKind::ApplicationError;
    } else {
        f.kind = FrameKind::Information;
        f.tfi = payload[0];
        f.data.assign(payload.begin() + 1, payload.end());
    }
    return finish(start + body + len + 1);
}

Result<Frame, FrameError> parse_host_frame(std::span<const std::uint8_t> bytes) {
    auto r = parse_frame(bytes);
    if (!r.ok()) return r;
    const Frame& f = r.value();
    if (f.kind == FrameKind::ApplicationError || (f.kind == FrameKind::Information && f.tfi != kTfiHostToChip))
        return reject(FrameRejection::WrongTfi, f.consumed);
    return r;
}

std::vector<std::uint8_t> build_information_frame(std::uint8_t tfi, std::span<const std::uint8_t> data) {
    const std::size_t len = data.size() + 1;
    std::vector<std::uint8_t> header{0x00, 0x00, 0xFF};
    if (len <= 0xFF - 1) {
        header.push_back(static_cast<std::uint8_t>(len));
        header.push_back(static_cast<std::uint8_t>(0x100 - len));
    } else {
        if (len > 0xFFFF) throw std::logic_error("PN532 frame payload longer than 65535 bytes");
        const auto hi = static_cast<std::uint8_t>(len >> 8), lo = static_cast<std::uint8_t>(len & 0xFF);
        for (std::uint8_t b : {std::uint8_t{0xFF}, std::uint8_t{0xFF}, hi, lo,
                               static_cast<std::uint8_t>(0x100 - ((hi + lo) & 0xFF))})
            header.push_back(b);
    }
    // Sized once: GCC 12 at -O2 misreads an initializer-list insert into a vector still
    // growing from its initial three bytes as an out-of-bounds copy (-Warray-bounds).
    std::vector<std::uint8_t> out;
    out.reserve(header.size() + len + 2);
    out.insert(out.end(), header.begin(), header.end());
    const std::size_t body = out.size();
    out.push_back(tfi);
    out.insert(out.end(), data.begin(), data.end());
    out.push_back(checksum_of(std::span(out).subspan(body)));
    out.push_back(0x00);
    return out;
}

std::vector<std::uint8_t> build_response(std::uint8_t command, std::span<const std::uint8_t> payload) {
    std::vector<std::uint8_t> data{static_cast<std::uint8_t>(command + 1)};
    data.insert(data.end(), payload.begin(), payload.end());
    return build_information_frame(kTfiChipToHost, data);
}

std::vector<std::uint8_t> build_ack() { return {0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00}; }
std::vector<std::uint8_t> build_nack() { return {0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00}; }
std::vector<std::uint8_t> build_syntax_error() { return {0x00, 0x00, 0xFF, 0x01, 0xFF, 0x7F, 0x81, 0x00}; }

}  // namespace custody::nfc
