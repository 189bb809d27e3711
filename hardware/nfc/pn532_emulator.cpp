#include "hardware/nfc/pn532_emulator.h"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "hardware/nfc/pn532_frame.h"
#include "kiosk/core/badge.h"
#include "kiosk/core/log.h"

namespace custody::nfc {

namespace {
constexpr std::uint8_t kDiagnose = 0x00, kGetFirmwareVersion = 0x02, kReadRegister = 0x06,
                       kWriteRegister = 0x08, kSetParameters = 0x12, kSamConfiguration = 0x14,
                       kPowerDown = 0x16, kRfConfiguration = 0x32, kInDataExchange = 0x40,
                       kInCommunicateThru = 0x42, kInDeselect = 0x44, kInListPassiveTarget = 0x4A,
                       kInRelease = 0x52, kInAutoPoll = 0x60;

Error device_error(const std::string& what) {
    return Error(MessageId::ReaderDeviceUnavailable, {"/dev/ptmx", what + ": " + std::strerror(errno)});
}
}  // namespace

Result<std::unique_ptr<Pn532Emulator>> Pn532Emulator::start() {
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) return fail(device_error("posix_openpt"));
    char name[128];
    if (grantpt(master) != 0 || unlockpt(master) != 0 || ptsname_r(master, name, sizeof name) != 0) {
        auto e = device_error("grantpt/unlockpt");
        close(master);
        return fail(e);
    }
    int slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (slave < 0) {
        auto e = device_error(std::string("open ") + name);
        close(master);
        return fail(e);
    }
    // Raw mode, so the line discipline neither echoes nor rewrites bytes before libnfc sets it.
    termios tio{};
    tcgetattr(slave, &tio);
    cfmakeraw(&tio);
    tcsetattr(slave, TCSANOW, &tio);
    return std::unique_ptr<Pn532Emulator>(new Pn532Emulator(master, slave, name));
}

Pn532Emulator::Pn532Emulator(int master, int slave, std::string path)
    : master_(master), slave_(slave), path_(std::move(path)) {
    thread_ = std::thread([this] { serve(); });
}

Pn532Emulator::~Pn532Emulator() {
    stopping_ = true;
    thread_.join();
    close(slave_);
    close(master_);
}

bool Pn532Emulator::place(const std::string& uid_hex) {
    const std::string uid = normalise_badge_uid(uid_hex);
    if (uid.size() != 8 && uid.size() != 14 && uid.size() != 20) return false;
    std::vector<std::uint8_t> bytes;
    for (std::size_t i = 0; i < uid.size(); i += 2)
        bytes.push_back(static_cast<std::uint8_t>(std::strtoul(uid.substr(i, 2).c_str(), nullptr, 16)));
    std::lock_guard lock(mutex_);
    uid_ = std::move(bytes);
    return true;
}

void Pn532Emulator::remove() {
    std::lock_guard lock(mutex_);
    uid_.clear();
}

void Pn532Emulator::serve() {
    std::vector<std::uint8_t> buffer;
    while (!stopping_) {
        pollfd p{master_, POLLIN, 0};
        int n = ::poll(&p, 1, 20);
        if (n > 0 && (p.revents & POLLIN)) {
            std::uint8_t chunk[512];
            ssize_t got = ::read(master_, chunk, sizeof chunk);
            if (got > 0) buffer.insert(buffer.end(), chunk, chunk + got);
        }
        if (!answering_) {
            buffer.clear();
            held_.reset();
            continue;
        }
        // A held select is answered as soon as a card arrives, as the chip does.
        if (held_ && !target_data().empty()) {
            const std::uint8_t cmd = *held_;
            held_.reset();
            auto tg = target_data();
            std::vector<std::uint8_t> payload{0x01};
            if (cmd == kInAutoPoll) payload.insert(payload.end(), {0x10, static_cast<std::uint8_t>(tg.size())});
            payload.insert(payload.end(), tg.begin(), tg.end());
            answer(cmd, payload);
        }
        while (!buffer.empty()) {
            auto r = parse_host_frame(buffer);
            std::size_t used = 0;
            if (r.ok()) {
                used = r.value().consumed;
                if (r.value().kind == FrameKind::Information && !r.value().data.empty()) {
                    held_.reset();  // libnfc gave up on it without an abort: a new command replaces it
                    send(build_ack());
                    handle(r.value().data);
                } else {
                    held_.reset();  // an ACK from the host aborts the running command
                }
            } else if (r.error().reason == FrameRejection::Truncated) {
                break;
            } else {
                used = r.error().consumed;
                log_event(LogLevel::Warning,
                          log_line(Error(MessageId::ReaderFrameRejected, {std::string(describe(r.error().reason))})));
                // The chip answers a well-formed frame for the wrong direction with a syntax error
                // and ignores checksum failures (the host times out and resends).
                if (r.error().reason == FrameRejection::WrongTfi) send(build_syntax_error());
            }
            buffer.erase(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(used));
        }
    }
}

std::vector<std::uint8_t> Pn532Emulator::target_data() {
    std::lock_guard lock(mutex_);
    if (uid_.empty()) return {};
    // SENS_RES encodes the UID size (single/double/triple); SEL_RES 08 = MIFARE Classic 1K.
    const std::uint8_t size_bits = uid_.size() == 4 ? 0x00 : uid_.size() == 7 ? 0x40 : 0x80;
    std::vector<std::uint8_t> tg{0x01, 0x00, static_cast<std::uint8_t>(0x04 | size_bits), 0x08,
                                 static_cast<std::uint8_t>(uid_.size())};
    tg.insert(tg.end(), uid_.begin(), uid_.end());
    return tg;
}

void Pn532Emulator::handle(const std::vector<std::uint8_t>& c) {
    const std::uint8_t cmd = c[0];
    const std::vector<std::uint8_t> params(c.begin() + 1, c.end());
    switch (cmd) {
        case kDiagnose: return answer(cmd, params);  // communication-line test: echo
        case kGetFirmwareVersion: return answer(cmd, {0x32, 0x01, 0x06, 0x07});  // PN532 v1.6
        case kReadRegister: {
            std::vector<std::uint8_t> values;
            for (std::size_t i = 0; i + 1 < params.size(); i += 2)
                values.push_back(registers_[static_cast<std::uint16_t>(params[i] << 8 | params[i + 1])]);
            return answer(cmd, values);
        }
        case kWriteRegister:
            for (std::size_t i = 0; i + 2 < params.size(); i += 3)
                registers_[static_cast<std::uint16_t>(params[i] << 8 | params[i + 1])] = params[i + 2];
            return answer(cmd, {});
        case kSetParameters:
        case kSamConfiguration: return answer(cmd, {});
        case kRfConfiguration:
            if (params.size() >= 4 && params[0] == 0x05) passive_retries_ = params[3];  // MaxRetries
            return answer(cmd, {});
        case kPowerDown:
        case kInDeselect:
        case kInRelease: return answer(cmd, {0x00});
        case kInCommunicateThru:
        case kInDataExchange: return answer(cmd, {0x01});  // timeout: no card answers
        case kInListPassiveTarget: {
            const bool type_a = params.size() >= 2 && params[1] == 0x00;
            auto tg = type_a ? target_data() : std::vector<std::uint8_t>{};
            if (!tg.empty()) {
                std::vector<std::uint8_t> payload{0x01};
                payload.insert(payload.end(), tg.begin(), tg.end());
                return answer(cmd, payload);
            }
            if (type_a && passive_retries_ == 0xFF) {
                held_ = cmd;  // the chip keeps trying until a card comes or the host moves on
                return;
            }
            return answer(cmd, {0x00});
        }
        case kInAutoPoll: {
            auto tg = target_data();
            if (!tg.empty()) {
                std::vector<std::uint8_t> payload{0x01, 0x10, static_cast<std::uint8_t>(tg.size())};
                payload.insert(payload.end(), tg.begin(), tg.end());
                return answer(cmd, payload);
            }
            if (!params.empty() && params[0] == 0xFF) {
                held_ = cmd;
                return;
            }
            return answer(cmd, {0x00});
        }
        default:
            log_event(LogLevel::Warning, "PN532 emulator: unsupported command " + std::to_string(cmd));
            return send(build_syntax_error());
    }
}

void Pn532Emulator::answer(std::uint8_t command, const std::vector<std::uint8_t>& payload) {
    if (command == kInListPassiveTarget) ++selects_;
    send(build_response(command, payload));
}

void Pn532Emulator::send(const std::vector<std::uint8_t>& bytes) {
    std::size_t off = 0;
    while (off < bytes.size()) {
        ssize_t w = ::write(master_, bytes.data() + off, bytes.size() - off);
        if (w < 0) {
            if (errno == EINTR) continue;
            return;  // nobody listening: the host will time out, as with a real chip
        }
        off += static_cast<std::size_t>(w);
    }
}

}  // namespace custody::nfc
