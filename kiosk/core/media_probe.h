#pragma once
// The port to a media library: what a recording file says about itself (R21).

#include <string>

#include "kiosk/core/recording.h"
#include "kiosk/core/result.h"

namespace custody {

class MediaProbe {
public:
    virtual ~MediaProbe() = default;
    // MediaUnreadable when the file is not a recording the library understands; the
    // offload stores the reason and goes on, since the file is evidence either way.
    virtual Result<MediaInfo> probe(const std::string& path) = 0;
};

}  // namespace custody
