#include "kiosk/cli/demo_camera.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "hardware/camera/volume_files.h"
#include "kiosk/cli/demo_media.h"
#include "kiosk/core/agency_time.h"

namespace custody::cli {

namespace {

constexpr std::int64_t kStorageMb = 32 * 1024;  // a 32 GB card, common in these cameras

// "2026-11-30 16:15:02" (format_local, the zone the cameras are set to) split in two.
CameraWallClock wall_clock(Timestamp camera_time) {
    const std::string local = format_local(camera_time);
    return {local.substr(0, 10), local.substr(11, 8)};
}

}  // namespace

DemoCamera::DemoCamera(CameraIdentity identity, std::string volume, const Clock& clock, std::int64_t clock_offset_ms)
    : identity_(std::move(identity)), volume_(std::move(volume)), clock_(clock), offset_ms_(clock_offset_ms) {}

std::string DemoCamera::next_name(Timestamp camera_time, const char* extension) {
    const CameraWallClock w = wall_clock(camera_time);
    std::string stamp;
    for (char c : w.date + "_" + w.time)
        if (c != '-' && c != ':') stamp += c;
    char number[8];
    std::snprintf(number, sizeof number, "%04d", ++file_number_ % 10000);
    return "DCIM/100MEDIA/" + stamp + "_" + number + "." + extension;
}

Result<RecordingFile> DemoCamera::write(const std::string& relative, const std::string& bytes) {
    const std::filesystem::path path = std::filesystem::path(volume_) / relative;
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return fail(Error(MessageId::FileUnwritable, {path.parent_path().string(), ec.message()}));
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return fail(Error(MessageId::FileUnwritable, {path.string(), std::strerror(errno)}));
    return RecordingFile{relative, static_cast<std::int64_t>(bytes.size())};
}

Result<RecordingFile> DemoCamera::record_audio(Timestamp start, int seconds) {
    const Timestamp camera_time{start.ms + offset_ms_};
    DemoAudio a;
    a.started = wall_clock(camera_time);
    a.seconds = seconds;
    a.originator = identity_.serial;
    a.seed = static_cast<std::uint32_t>(camera_time.ms / 1000) ^ static_cast<std::uint32_t>(file_number_ * 2654435761u);
    std::string name = next_name(camera_time, "WAV");
    return write(name, make_wav(a));
}

Result<RecordingFile> DemoCamera::take_photo(Timestamp at) {
    const Timestamp camera_time{at.ms + offset_ms_};
    DemoPhoto p;
    p.taken = wall_clock(camera_time);
    p.model = identity_.maker_model;
    p.seed = static_cast<std::uint32_t>(camera_time.ms / 1000) ^ static_cast<std::uint32_t>(file_number_ * 40503u);
    std::string name = next_name(camera_time, "JPG");
    return write(name, make_jpeg(p));
}

Result<CameraStorage> DemoCamera::storage() {
    auto files = recordings();
    if (!files) return fail(files.error());
    std::int64_t used = 0;
    for (const auto& f : *files) used += f.bytes;
    return CameraStorage{kStorageMb, kStorageMb - (used + 1024 * 1024 - 1) / (1024 * 1024)};
}

Result<std::vector<RecordingFile>> DemoCamera::recordings() {
    std::error_code ec;
    std::filesystem::create_directories(volume_, ec);  // a camera with nothing recorded yet
    if (ec) return fail(Error(MessageId::CameraStorageError, {identity_.serial, volume_}, ec.message()));
    return camera::list_volume(identity_.serial, volume_);
}

Status DemoCamera::delete_recording(const RecordingFile& f) {
    return camera::delete_from_volume(identity_.serial, volume_, f);
}

}  // namespace custody::cli
