#pragma once
// What a JPEG's EXIF says (libexif): when it was taken. Its size comes from the picture
// itself (libavformat), which EXIF's PixelXDimension may contradict after an edit.

#include <optional>
#include <string>

#include "kiosk/media/stated_time.h"

namespace custody::media {

struct ExifReading {
    // DateTimeOriginal, else DateTime: a wall-clock time unless EXIF 2.31's matching
    // OffsetTime tag places it.
    std::optional<StatedTime> taken;
    // Why an EXIF block is there but could not be read (libexif's log), else empty.
    std::string problem;
};

// A JPEG without EXIF is an empty reading, not a failure: many photos carry none.
ExifReading read_exif(const std::string& path);

}  // namespace custody::media
