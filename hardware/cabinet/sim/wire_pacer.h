#pragma once
// cabinet-sim --pace-wire: makes its pty keep the time of a real RS-485 line. A pty moves
// a frame in microseconds where a 115200-baud line needs milliseconds, so latencies and
// timeouts judged over a bare pty would be wrong by the whole wire time.
//
// The line model (8N1, so 10 bits per character): a frame takes its characters' time,
// and every frame is followed by the Modbus RTU silent interval t3.5 (3.5 characters),
// which is how a receiver knows the frame has ended and before which no new frame may
// start. The request is taken to go on the line when the client wrote it, or when the
// line falls silent if the previous reply's t3.5 has not passed yet; the board answers
// after the request's t3.5; the reply is written in groups of up to 16 characters (a UART
// receive FIFO's worth), each when its last character would have finished arriving, so a
// client's response timeout sees the first bytes about when a real line delivers them.
// Writing every character on its own would be closer still, but on a loaded machine the
// one wake-up per character in both processes makes the last byte late by milliseconds.

#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <thread>

namespace custody::sim {

class WirePacer {
public:
    using Clock = std::chrono::steady_clock;

    explicit WirePacer(int baud) : baud_(baud) {}

    int baud() const { return baud_; }
    std::size_t frames() const { return frames_; }
    std::size_t characters() const { return characters_; }

    // `request_chars` characters of request were read whole at `received`; `reply` (empty
    // for a request that gets no answer) goes to `fd` paced as described above. False if
    // `fd` refused a byte.
    bool deliver(int fd, std::size_t request_chars, const std::uint8_t* reply, std::size_t reply_chars,
                 Clock::time_point received) {
        const Clock::time_point start = std::max(received, line_free_);
        const Clock::time_point reply_start = start + half_characters(2 * request_chars + kSilenceHalves);
        frames_ += 1;
        characters_ += request_chars;
        if (reply_chars == 0) {
            line_free_ = reply_start;
            return true;
        }
        for (std::size_t i = 0; i < reply_chars; i += kFifoChars) {
            const std::size_t n = std::min(kFifoChars, reply_chars - i);
            std::this_thread::sleep_until(reply_start + half_characters(2 * (i + n)));
            if (!write_all(fd, reply + i, n)) {
                line_free_ = Clock::now();
                return false;
            }
        }
        frames_ += 1;
        characters_ += reply_chars;
        line_free_ = reply_start + half_characters(2 * reply_chars + kSilenceHalves);
        return true;
    }

private:
    static constexpr std::size_t kSilenceHalves = 7;  // t3.5, in half characters
    static constexpr std::size_t kFifoChars = 16;

    // Counted in half characters so that t3.5 stays exact; 10 bits each, in nanoseconds.
    Clock::duration half_characters(std::size_t halves) const {
        const auto ns = static_cast<std::int64_t>(halves) * 5'000'000'000LL / baud_;
        return std::chrono::duration_cast<Clock::duration>(std::chrono::nanoseconds(ns));
    }

    static bool write_all(int fd, const std::uint8_t* p, std::size_t n) {
        while (n > 0) {
            ssize_t w = ::write(fd, p, n);
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) return false;
            p += w;
            n -= static_cast<std::size_t>(w);
        }
        return true;
    }

    int baud_;
    Clock::time_point line_free_{};
    std::size_t frames_ = 0;
    std::size_t characters_ = 0;
};

}  // namespace custody::sim
