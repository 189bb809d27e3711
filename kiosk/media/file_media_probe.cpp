#include "kiosk/media/file_media_probe.h"

#include <stdexcept>

#include "kiosk/media/av_media_reader.h"
#include "kiosk/media/exif_photo_reader.h"

namespace custody::media {
namespace {

TimeZoneRules load_zone(const std::string& name) {
    auto zone = TimeZoneRules::load(name);
    if (!zone) throw std::invalid_argument("FileMediaProbe: unknown time zone " + name);
    return *zone;
}

}  // namespace

FileMediaProbe::FileMediaProbe(const std::string& time_zone) : zone_(load_zone(time_zone)) {}

Result<MediaInfo> FileMediaProbe::probe(const std::string& path) {
    auto av = read_with_libav(path);
    if (!av.ok()) return fail(av.error());

    MediaInfo info;
    info.kind = av->kind;
    info.container = av->demuxer;
    info.codec = av->codec;
    info.duration_ms = av->duration_ms;
    info.width = av->width;
    info.height = av->height;
    std::optional<StatedTime> started = av->started;

    if (av->kind == MediaKind::Photo) {
        // "image2" or "jpeg_pipe" names the demuxer, not the file's format.
        info.container = av->codec == "mjpeg" ? "jpeg" : av->codec;
        if (av->codec == "mjpeg") {
            ExifReading exif = read_exif(path);
            if (!exif.taken && !exif.problem.empty())
                return fail(Error(MessageId::MediaUnreadable, {path, exif.problem}, "libexif: " + exif.problem));
            started = exif.taken;
        }
    }
    if (started) {
        const std::int64_t ms = started->wall_clock
                                    ? zone_.to_utc(started->ms / 1000) * 1000 + started->ms % 1000
                                    : started->ms;
        info.started_at = Timestamp{ms};
    }
    return info;
}

}  // namespace custody::media
