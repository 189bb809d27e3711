#pragma once
// What libavformat reads from a file: its container, its main stream and the start the
// container states. Each call has its own contexts, so calls may run on many threads.

#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/core/recording.h"
#include "kiosk/core/result.h"
#include "kiosk/media/stated_time.h"

namespace custody::media {

struct AvReading {
    std::string demuxer;  // AVInputFormat name, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "image2"
    // Video, Audio, Photo (an image demuxer: one picture, not a clip), or Other (streams
    // that are neither, e.g. subtitles alone).
    MediaKind kind = MediaKind::Other;
    std::string codec;  // of the main stream
    std::optional<std::int64_t> duration_ms;
    int width = 0;
    int height = 0;
    // creation_time when it is a full date and time, else a WAV's BWF origination.
    std::optional<StatedTime> started;
};

// MediaUnreadable {path, reason} when libavformat cannot open the file or finds no stream.
Result<AvReading> read_with_libav(const std::string& path);

}  // namespace custody::media
