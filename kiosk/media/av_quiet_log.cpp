#include "kiosk/media/av_quiet_log.h"

extern "C" {
#include <libavutil/log.h>
}

#include <cstdarg>
#include <cstdio>
#include <mutex>

namespace custody::media {
namespace {

thread_local LibavLogCapture* t_capture = nullptr;

void on_libav_log(void* avcl, int level, const char* fmt, va_list vl) {
    if (level > AV_LOG_ERROR || t_capture == nullptr) return;
    char text[512];
    va_list copy;
    va_copy(copy, vl);
    std::vsnprintf(text, sizeof text, fmt, copy);
    va_end(copy);
    // Named by the component that logged it (the demuxer), not by its address.
    std::string component;
    if (avcl != nullptr) {
        const AVClass* cls = *static_cast<const AVClass* const*>(avcl);
        if (cls != nullptr && cls->item_name != nullptr) component = cls->item_name(avcl);
    }
    t_capture->append(component, text);
}

}  // namespace

void LibavLogCapture::append(const std::string& component, const char* piece) {
    // libav may log one line in pieces; a line ends with its newline.
    if (partial_.empty() && !component.empty()) partial_ = component + ": ";
    partial_ += piece;
    if (!partial_.empty() && partial_.back() == '\n') {
        partial_.pop_back();
        if (!partial_.empty()) last_error_ = partial_;
        partial_.clear();
    }
}

void quiet_libav_log() {
    static std::once_flag once;
    std::call_once(once, [] {
        av_log_set_level(AV_LOG_ERROR);
        av_log_set_callback(on_libav_log);
    });
}

LibavLogCapture::LibavLogCapture() : outer_(t_capture) { t_capture = this; }

LibavLogCapture::~LibavLogCapture() { t_capture = outer_; }

}  // namespace custody::media
