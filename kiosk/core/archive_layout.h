#pragma once
// Where footage lives in the archive, so that a person can find it without the program:
// <yyyy>/<mm>/<dd>/<device serial>/<job id>/<the camera's own folders and names>, dated
// by the agency's local day the offload started, with SHA256SUMS in the job folder.

#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"

namespace custody {

inline constexpr const char* kManifestName = "SHA256SUMS";

std::string job_folder(Timestamp started, const std::string& device_serial, Id job_id);

// The camera's path below the job folder; none when the camera reports a path that could
// leave it (absolute, "..", empty parts) or a name the manifest format cannot hold.
std::optional<std::string> archive_path_in_job(const std::string& job_folder, const std::string& source_path);

// A serial safe as one folder name; none when it is not.
bool safe_path_part(const std::string& part);

}  // namespace custody
