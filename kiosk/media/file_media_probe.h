#pragma once
// The MediaProbe of the kiosk: reads a recording file with libavformat, and a JPEG's
// EXIF with libexif (R21).
//
//   video  kind, container, codec and size of the main picture, duration, and the start
//          from creation_time (container or stream)
//   audio  kind, container, codec, duration; a WAV's start from its BWF origination
//   photo  kind, "jpeg", "mjpeg", size, no duration; the start from EXIF
//          DateTimeOriginal (else DateTime)
//
// EXIF and BWF times are the camera's wall clock with no zone (unless EXIF's OffsetTime
// tags give one); they are read in the zone the cameras are set to.
//
// Safe to call from several threads at once: each probe has its own libav and libexif
// contexts, and the zone's rules are read once, here.

#include <string>

#include "kiosk/core/media_probe.h"
#include "kiosk/media/time_zone_rules.h"

namespace custody::media {

class FileMediaProbe final : public MediaProbe {
public:
    // `time_zone`: an IANA name, such as the agency profile's. Throws std::invalid_argument
    // for a name that is not in the zone database: the profile's zone is checked when it
    // is set (known_time_zone), so reaching here with a bad one is a programming error.
    explicit FileMediaProbe(const std::string& time_zone = "Asia/Shanghai");

    // MediaUnreadable {path, reason} when libavformat cannot read the file (missing, not
    // media, truncated), a photo holds no picture, or a photo's EXIF block is damaged so
    // that its time cannot be read. A file that simply states no start has none.
    Result<MediaInfo> probe(const std::string& path) override;

private:
    TimeZoneRules zone_;
};

}  // namespace custody::media
