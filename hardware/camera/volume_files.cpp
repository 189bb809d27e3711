#include "hardware/camera/volume_files.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace custody::camera {
namespace {

Error storage_error(const std::string& camera, const std::string& what, const std::error_code& ec) {
    return Error(MessageId::CameraStorageError, {camera, what}, ec.message());
}

bool skipped(const fs::path& name) {
    auto s = name.filename().string();
    return (!s.empty() && s[0] == '.') || s == "System Volume Information";
}

}  // namespace

Result<std::vector<RecordingFile>> list_volume(const std::string& camera, const std::string& root) {
    std::vector<RecordingFile> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, ec), end;
    if (ec) return fail(storage_error(camera, root, ec));
    for (; it != end; it.increment(ec)) {
        if (ec) return fail(storage_error(camera, root, ec));
        if (skipped(it->path())) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec)) continue;
        auto size = it->file_size(ec);
        if (ec) return fail(storage_error(camera, it->path().string(), ec));
        files.push_back({it->path().lexically_relative(root).generic_string(), static_cast<std::int64_t>(size)});
    }
    if (ec) return fail(storage_error(camera, root, ec));
    std::sort(files.begin(), files.end(),
              [](const RecordingFile& a, const RecordingFile& b) { return a.relative_path < b.relative_path; });
    return files;
}

Status delete_from_volume(const std::string& camera, const std::string& root, const RecordingFile& f) {
    fs::path rel(f.relative_path);
    if (rel.empty() || rel.is_absolute() || std::find(rel.begin(), rel.end(), "..") != rel.end())
        return fail(Error(MessageId::CameraStorageError, {camera, f.relative_path}, "not a path on the volume"));
    std::error_code ec;
    if (!fs::remove(fs::path(root) / rel, ec)) {
        if (!ec) ec = std::make_error_code(std::errc::no_such_file_or_directory);
        return fail(storage_error(camera, f.relative_path, ec));
    }
    return {};
}

}  // namespace custody::camera
