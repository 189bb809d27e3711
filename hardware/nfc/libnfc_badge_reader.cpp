#include "hardware/nfc/libnfc_badge_reader.h"

#include <nfc/nfc.h>

#include <algorithm>
#include <cstdio>

#include "kiosk/core/badge.h"
#include "kiosk/core/log.h"

namespace custody::nfc {

namespace {
std::string hex_uid(const nfc_target& t) {
    std::string s;
    char two[3];
    for (std::size_t i = 0; i < t.nti.nai.szUidLen; ++i) {
        std::snprintf(two, sizeof two, "%02X", t.nti.nai.abtUid[i]);
        s += two;
    }
    return normalise_badge_uid(s);
}
}  // namespace

LibnfcBadgeReader::LibnfcBadgeReader(LibnfcReaderConfig config, const Clock& clock)
    : config_(std::move(config)), clock_(clock) {}

LibnfcBadgeReader::~LibnfcBadgeReader() { stop(); }

Status LibnfcBadgeReader::start(BadgeEvents& events) {
    if (thread_.joinable()) throw std::logic_error("LibnfcBadgeReader started twice");
    nfc_init(&ctx_);
    if (!ctx_) return fail(Error(MessageId::ReaderDeviceUnavailable, {config_.connstring, "nfc_init failed"}));
    events_ = &events;
    stopping_ = false;
    thread_ = std::thread([this] { run(); });
    return {};
}

void LibnfcBadgeReader::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    disconnect();
    if (ctx_) nfc_exit(ctx_);
    ctx_ = nullptr;
}

bool LibnfcBadgeReader::pause(std::chrono::milliseconds d) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, d, [this] { return stopping_; });
    return !stopping_;
}

bool LibnfcBadgeReader::connect(std::string& why) {
    std::string connstring = config_.connstring;
    if (connstring.empty()) {
        nfc_connstring found[1];
        if (nfc_list_devices(ctx_, found, 1) < 1) {
            why = "no reader found";
            return false;
        }
        connstring = found[0];
    }
    dev_ = nfc_open(ctx_, connstring.c_str());
    if (!dev_) {
        why = "cannot open " + connstring;
        return false;
    }
    // One activation attempt per select: an empty field answers at once, so stop() and
    // removals are noticed within one poll interval.
    if (nfc_initiator_init(dev_) < 0 || nfc_device_set_property_bool(dev_, NP_INFINITE_SELECT, false) < 0) {
        why = std::string("cannot initialise ") + connstring + ": " + nfc_strerror(dev_);
        disconnect();
        return false;
    }
    return true;
}

void LibnfcBadgeReader::disconnect() {
    if (dev_) nfc_close(dev_);
    dev_ = nullptr;
}

void LibnfcBadgeReader::go_offline(const std::string& why) {
    Error e(MessageId::ReaderOffline, {why}, why);
    log_event(LogLevel::Warning, log_line(e));
    events_->on_reader_state(ReaderState::Offline, e);
}

void LibnfcBadgeReader::run() {
    bool online = false;
    bool reported_offline = false;
    auto backoff = config_.backoff_first;
    std::string on_field;  // UID reported and still on the field: not reported again
    const nfc_modulation iso14443a{NMT_ISO14443A, NBR_106};

    while (true) {
        if (!online) {
            std::string why;
            if (connect(why)) {
                online = true;
                reported_offline = false;
                backoff = config_.backoff_first;
                Error e(MessageId::ReaderOnline, {nfc_device_get_connstring(dev_)});
                log_event(LogLevel::Info, log_line(e));
                events_->on_reader_state(ReaderState::Online, e);
            } else {
                if (!reported_offline) go_offline(why);
                reported_offline = true;
                if (!pause(backoff)) return;
                backoff = std::min(backoff * 2, config_.backoff_max);
                continue;
            }
        }
        nfc_target target{};
        const int n = nfc_initiator_select_passive_target(dev_, iso14443a, nullptr, 0, &target);
        if (n < 0) {
            // A select never fails on an empty field (that is n == 0): the device is gone.
            const std::string why = std::string("select failed: ") + nfc_strerror(dev_);
            disconnect();
            online = false;
            on_field.clear();
            go_offline(why);
            reported_offline = true;
            if (!pause(backoff)) return;
            continue;
        }
        if (n == 0) {
            on_field.clear();
        } else {
            const std::string uid = hex_uid(target);
            // Deselect so the next select activates the card afresh and sees it still there.
            nfc_initiator_deselect_target(dev_);
            if (!uid.empty() && uid != on_field) events_->on_tap(BadgeTap{uid, clock_.now()});
            on_field = uid;
        }
        if (!pause(config_.poll_interval)) return;
    }
}

}  // namespace custody::nfc
