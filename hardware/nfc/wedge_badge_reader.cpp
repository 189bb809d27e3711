#include "hardware/nfc/wedge_badge_reader.h"

#include <linux/input.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <variant>

#include "hardware/nfc/tap_debounce.h"
#include "hardware/nfc/wedge_typing.h"
#include "kiosk/core/log.h"

namespace custody::nfc {

namespace {

constexpr std::size_t kRecord = sizeof(input_event);

int poll_timeout_ms(const std::optional<WedgeTyping::SteadyTime>& deadline) {
    if (!deadline) return -1;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - std::chrono::steady_clock::now());
    return static_cast<int>(std::max<std::int64_t>(0, left.count()));
}

}  // namespace

WedgeBadgeReader::WedgeBadgeReader(WedgeReaderConfig config, const Clock& clock)
    : config_(std::move(config)), clock_(clock) {
    if (config_.inter_key_timeout.count() <= 0 || config_.debounce.count() < 0 ||
        config_.backoff_first.count() <= 0 || config_.backoff_max < config_.backoff_first) {
        throw std::invalid_argument("WedgeReaderConfig: timeouts must be positive, backoff_max >= backoff_first");
    }
}

WedgeBadgeReader::~WedgeBadgeReader() { stop(); }

Status WedgeBadgeReader::start(BadgeEvents& events) {
    if (thread_.joinable()) throw std::logic_error("WedgeBadgeReader started twice");
    wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wake_fd_ < 0) {
        return fail(
            Error(MessageId::ReaderDeviceUnavailable, {config_.device, std::string("eventfd: ") + std::strerror(errno)}));
    }
    events_ = &events;
    last_offline_.reset();
    thread_ = std::thread([this] { run(); });
    return {};
}

void WedgeBadgeReader::stop() {
    if (wake_fd_ < 0) return;
    const std::uint64_t one = 1;
    // An eventfd write only fails on counter overflow, which one write cannot reach.
    (void)!::write(wake_fd_, &one, sizeof one);
    if (thread_.joinable()) thread_.join();
    ::close(wake_fd_);
    wake_fd_ = -1;
}

bool WedgeBadgeReader::pause(std::chrono::milliseconds d) {
    pollfd p{wake_fd_, POLLIN, 0};
    int rc;
    do {
        rc = ::poll(&p, 1, static_cast<int>(d.count()));
    } while (rc < 0 && errno == EINTR);
    if (rc < 0) {
        // Not expected on our own eventfd; sleeping keeps the retries paced, and the next
        // poll still sees a stop().
        log_event(LogLevel::Error,
                  std::string("badge reader: poll on its wake-up eventfd failed: ") + std::strerror(errno));
        std::this_thread::sleep_for(d);
        return true;
    }
    return rc == 0;
}

void WedgeBadgeReader::report_offline(const Error& why) {
    // The same reason again (the reader is still unplugged) was already said once.
    if (last_offline_ && last_offline_->id == why.id && last_offline_->args == why.args) return;
    last_offline_ = why;
    log_event(LogLevel::Warning, log_line(why));
    events_->on_reader_state(ReaderState::Offline, why);
}

Result<DeviceFd> WedgeBadgeReader::connect() {
    ++open_attempts_;
    auto fd = open_wedge_device(config_.device, config_.require_exclusive);
    if (!fd.ok()) return fd;
    // Whatever waits in the node was typed before we owned it. Reading it out also tells a
    // FIFO with nobody writing (end of file at once) from a live device (nothing to read).
    // Bounded: a device that never stops sending is read as it goes, not drained for ever.
    input_event stale[64];
    for (int reads = 0; reads < 256; ++reads) {
        const ssize_t n = ::read(fd->get(), stale, sizeof stale);
        if (n > 0) continue;
        if (n == 0) return fail(Error(MessageId::ReaderDisconnected, {config_.device, "end of file"}));
        if (errno == EINTR) continue;
        if (errno == EAGAIN) break;
        const int err = errno;
        return fail(Error(MessageId::ReaderDisconnected, {config_.device, std::strerror(err)}));
    }
    return fd;
}

void WedgeBadgeReader::handle_line(const std::string& text, std::chrono::microseconds at, TapDebounce& debounce) {
    auto uid = uid_from_typed_text(text, config_.format, config_.byte_order);
    if (!uid.ok()) {
        log_event(LogLevel::Warning, log_line(uid.error()));
        return;
    }
    if (debounce.admit(*uid, at)) events_->on_tap(BadgeTap{*uid, clock_.now()});
}

std::optional<Error> WedgeBadgeReader::serve(int fd) {
    WedgeTyping typing(config_.inter_key_timeout);
    TapDebounce debounce(config_.debounce);
    // Room for whole records; a FIFO may hand over part of one, kept for the next read.
    unsigned char buf[kRecord * 64];
    std::size_t held = 0;
    const auto gone = [&](const std::string& why) {
        return Error(MessageId::ReaderDisconnected, {config_.device, why});
    };

    for (;;) {
        pollfd p[2] = {{wake_fd_, POLLIN, 0}, {fd, POLLIN, 0}};
        const int rc = ::poll(p, 2, poll_timeout_ms(typing.deadline()));
        if (rc < 0) {
            if (errno == EINTR) continue;
            return gone(std::string("poll: ") + std::strerror(errno));
        }
        if (p[0].revents != 0) return std::nullopt;
        if (rc == 0) {
            if (auto e = typing.expire(std::chrono::steady_clock::now())) log_event(LogLevel::Warning, log_line(*e));
            continue;
        }
        const ssize_t n = ::read(fd, buf + held, sizeof buf - held);
        if (n == 0) return gone("end of file");
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) {
                // Readable by poll yet nothing to read: only a hang-up or error explains it.
                if (p[1].revents & (POLLHUP | POLLERR | POLLNVAL)) return gone("hang-up");
                continue;
            }
            return gone(std::strerror(errno));
        }
        held += static_cast<std::size_t>(n);
        const auto now = std::chrono::steady_clock::now();
        std::size_t used = 0;
        for (; held - used >= kRecord; used += kRecord) {
            input_event ev;
            std::memcpy(&ev, buf + used, kRecord);
            for (auto& outcome : typing.feed(ev, now)) {
                if (auto* line = std::get_if<TypedLine>(&outcome)) {
                    handle_line(line->text, line->at, debounce);
                } else {
                    log_event(LogLevel::Warning, log_line(std::get<Error>(outcome)));
                }
            }
        }
        std::memmove(buf, buf + used, held - used);
        held -= used;
    }
}

void WedgeBadgeReader::run() {
    auto backoff = config_.backoff_first;
    for (;;) {
        auto fd = connect();
        if (!fd.ok()) {
            report_offline(fd.error());
            if (!pause(backoff)) return;
            backoff = std::min(backoff * 2, config_.backoff_max);
            continue;
        }
        backoff = config_.backoff_first;
        last_offline_.reset();
        Error online(MessageId::ReaderOnline, {config_.device});
        log_event(LogLevel::Info, log_line(online));
        events_->on_reader_state(ReaderState::Online, online);

        auto why = serve(fd->get());
        if (!why) return;
        report_offline(*why);
        if (!pause(backoff)) return;
    }
}

}  // namespace custody::nfc
