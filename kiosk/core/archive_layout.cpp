#include "kiosk/core/archive_layout.h"

#include "kiosk/core/agency_time.h"

namespace custody {

bool safe_path_part(const std::string& part) {
    if (part.empty() || part == "." || part == "..") return false;
    for (unsigned char c : part)
        // A newline or backslash would make `sha256sum -c` read the line differently.
        if (c < 0x20 || c == '/' || c == '\\' || c == 0x7f) return false;
    return true;
}

std::string job_folder(Timestamp started, const std::string& device_serial, Id job_id) {
    std::string day = format_local_date(started);  // YYYY-MM-DD
    return day.substr(0, 4) + "/" + day.substr(5, 2) + "/" + day.substr(8, 2) + "/" + device_serial + "/" +
           std::to_string(job_id);
}

std::optional<std::string> archive_path_in_job(const std::string& job_folder, const std::string& source_path) {
    if (source_path.empty() || source_path.front() == '/') return std::nullopt;
    std::size_t start = 0;
    while (start <= source_path.size()) {
        std::size_t slash = source_path.find('/', start);
        if (slash == std::string::npos) slash = source_path.size();
        if (!safe_path_part(source_path.substr(start, slash - start))) return std::nullopt;
        start = slash + 1;
    }
    if (source_path == kManifestName) return std::nullopt;
    return job_folder + "/" + source_path;
}

}  // namespace custody
