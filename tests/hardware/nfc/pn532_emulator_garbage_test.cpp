// Garbage on the serial line: the emulator logs why it dropped a frame, answers a frame for
// the wrong direction with the chip's syntax-error frame, and still serves the next command.
#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <mutex>
#include <string>
#include <vector>

#include "hardware/nfc/pn532_emulator.h"
#include "hardware/nfc/pn532_frame.h"
#include "kiosk/core/log.h"

namespace custody::nfc {
namespace {

using Bytes = std::vector<std::uint8_t>;

std::mutex g_log_mutex;
std::vector<std::string> g_log;
void capture(LogLevel, const std::string& line, const LogFields&) {
    std::lock_guard lock(g_log_mutex);
    g_log.push_back(line);
}

class RawPort {
public:
    explicit RawPort(const std::string& path) : fd_(open(path.c_str(), O_RDWR | O_NOCTTY)) {
        termios tio{};
        tcgetattr(fd_, &tio);
        cfmakeraw(&tio);
        tcsetattr(fd_, TCSANOW, &tio);
    }
    ~RawPort() { close(fd_); }
    bool ok() const { return fd_ >= 0; }
    void write_bytes(const Bytes& b) { ASSERT_EQ(write(fd_, b.data(), b.size()), static_cast<ssize_t>(b.size())); }
    // Reads until `n` bytes came or 5 s passed with nothing (a generous bound, not a timing check).
    Bytes read_bytes(std::size_t n) {
        Bytes out;
        while (out.size() < n) {
            pollfd p{fd_, POLLIN, 0};
            if (poll(&p, 1, 5000) <= 0) break;
            std::uint8_t buf[64];
            ssize_t got = read(fd_, buf, std::min(sizeof buf, n - out.size()));
            if (got <= 0) break;
            out.insert(out.end(), buf, buf + got);
        }
        return out;
    }

private:
    int fd_;
};

TEST(Pn532EmulatorGarbage, DropsBadFramesAndKeepsServing) {
    set_log_sink(capture);
    {
        auto emu = Pn532Emulator::start();
        ASSERT_TRUE(emu.ok());
        RawPort port((*emu)->path());
        ASSERT_TRUE(port.ok());
        // Noise, then a GetFirmwareVersion with a bad data checksum: both dropped silently.
        port.write_bytes({0x12, 0x34, 0x00, 0x00, 0xFF, 0x02, 0xFE, 0xD4, 0x02, 0x2B, 0x00});
        // A chip-to-host frame sent to the chip: syntax error.
        port.write_bytes(build_response(0x02, Bytes{}));
        EXPECT_EQ(port.read_bytes(build_syntax_error().size()), build_syntax_error());
        // Then a good command is ACKed and answered.
        port.write_bytes({0x00, 0x00, 0xFF, 0x02, 0xFE, 0xD4, 0x02, 0x2A, 0x00});
        EXPECT_EQ(port.read_bytes(6), build_ack());
        EXPECT_EQ(port.read_bytes(13), build_response(0x02, Bytes{0x32, 0x01, 0x06, 0x07}));
    }
    set_log_sink(nullptr);
    std::lock_guard lock(g_log_mutex);
    std::string all;
    for (auto& l : g_log) all += l + "\n";
    EXPECT_NE(all.find("no 00 FF start code"), std::string::npos) << all;
    EXPECT_NE(all.find("bad data checksum"), std::string::npos) << all;
    EXPECT_NE(all.find("wrong frame identifier"), std::string::npos) << all;
}

}  // namespace
}  // namespace custody::nfc
