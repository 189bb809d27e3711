#pragma once
// The recordings on a camera volume mounted as an ordinary directory (FAT32/exFAT).

#include <string>
#include <vector>

#include "kiosk/core/camera_link.h"
#include "kiosk/core/result.h"

namespace custody::camera {

// Every regular file under `root` (hidden entries and "System Volume Information"
// skipped), sorted by relative path.
Result<std::vector<RecordingFile>> list_volume(const std::string& camera, const std::string& root);

// Removes one file; refuses paths that are absolute or climb out of `root`.
Status delete_from_volume(const std::string& camera, const std::string& root, const RecordingFile& f);

}  // namespace custody::camera
