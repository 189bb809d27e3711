#pragma once
// libav logs to stderr by default, and a damaged recording makes it talk a lot. Its log
// (one for the process) goes nowhere instead, except that while a LibavLogCapture lives
// on a thread, the last error libav logs on that thread is kept: "moov atom not found"
// says more than av_strerror's "Invalid data found when processing input".

#include <string>

namespace custody::media {

// Installs the quiet log callback, once for the process; safe from any thread.
void quiet_libav_log();

class LibavLogCapture {
public:
    LibavLogCapture();
    ~LibavLogCapture();
    LibavLogCapture(const LibavLogCapture&) = delete;
    LibavLogCapture& operator=(const LibavLogCapture&) = delete;
    // "mov,mp4,m4a,3gp,3g2,mj2: moov atom not found", or empty.
    const std::string& last_error() const { return last_error_; }

    // For the log callback: a piece of one line libav logged at error level, and the
    // component that logged it.
    void append(const std::string& component, const char* piece);

private:
    std::string last_error_;
    std::string partial_;
    LibavLogCapture* outer_;
};

}  // namespace custody::media
