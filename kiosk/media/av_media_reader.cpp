#include "kiosk/media/av_media_reader.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
}

#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "kiosk/media/av_quiet_log.h"

namespace custody::media {
namespace {

struct InputCloser {
    void operator()(AVFormatContext* ctx) const { avformat_close_input(&ctx); }
};
using Input = std::unique_ptr<AVFormatContext, InputCloser>;

// avformat_open_input replaces the dictionary with the options no one took.
struct Options {
    AVDictionary* dict = nullptr;
    Options() = default;
    Options(const Options&) = delete;
    Options& operator=(const Options&) = delete;
    ~Options() { av_dict_free(&dict); }
};

Error unreadable(const std::string& path, std::string reason, const LibavLogCapture& log) {
    if (!log.last_error().empty()) reason += " (" + log.last_error() + ")";
    return Error(MessageId::MediaUnreadable, {path, reason}, "libavformat: " + reason);
}

Error unreadable(const std::string& path, int averror, const LibavLogCapture& log) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(averror, text, sizeof text);
    return unreadable(path, text, log);
}

// Image demuxers hand out one picture as a one-frame stream: a photo, not a clip.
bool image_demuxer(std::string_view name) {
    return name == "image2" || name == "image2pipe" ||
           (name.size() > 5 && name.substr(name.size() - 5) == "_pipe");
}

const char* tag(AVDictionary* dict, const char* key) {
    const AVDictionaryEntry* e = av_dict_get(dict, key, nullptr, 0);
    return e != nullptr ? e->value : nullptr;
}

std::optional<StatedTime> stated_start(const AVFormatContext& ctx, const AVStream* main) {
    // The container's own tag first; some muxers only tag the streams.
    std::vector<AVDictionary*> dicts = {ctx.metadata, main != nullptr ? main->metadata : nullptr};
    for (unsigned i = 0; i < ctx.nb_streams; ++i) dicts.push_back(ctx.streams[i]->metadata);
    for (AVDictionary* dict : dicts) {
        const char* value = dict != nullptr ? tag(dict, "creation_time") : nullptr;
        if (value == nullptr) continue;
        if (auto ms = parse_iso8601_ms(value)) return StatedTime{*ms, false};
    }
    // libavformat's WAV demuxer renames the BWF bext origination date and time to "date"
    // and "creation_time" ("16:15:02", a wall-clock time with no date of its own).
    if (std::strcmp(ctx.iformat->name, "wav") == 0) {
        const char* date = tag(ctx.metadata, "date");
        const char* time = tag(ctx.metadata, "creation_time");
        if (date != nullptr && time != nullptr) return parse_bwf_origination(date, time);
    }
    return std::nullopt;
}

std::optional<std::int64_t> duration_ms(const AVFormatContext& ctx) {
    if (ctx.duration != AV_NOPTS_VALUE && ctx.duration > 0) return av_rescale(ctx.duration, 1000, AV_TIME_BASE);
    std::optional<std::int64_t> longest;
    for (unsigned i = 0; i < ctx.nb_streams; ++i) {
        const AVStream* st = ctx.streams[i];
        if (st->duration == AV_NOPTS_VALUE || st->duration <= 0) continue;
        const std::int64_t ms = av_rescale_q(st->duration, st->time_base, AVRational{1, 1000});
        if (!longest || ms > *longest) longest = ms;
    }
    return longest;
}

// The picture of a clip: the largest video stream that is not cover art.
const AVStream* main_video(const AVFormatContext& ctx) {
    const AVStream* best = nullptr;
    for (unsigned i = 0; i < ctx.nb_streams; ++i) {
        const AVStream* st = ctx.streams[i];
        if (st->codecpar->codec_type != AVMEDIA_TYPE_VIDEO || (st->disposition & AV_DISPOSITION_ATTACHED_PIC)) continue;
        const auto area = [](const AVStream* s) { return std::int64_t{s->codecpar->width} * s->codecpar->height; };
        if (best == nullptr || area(st) > area(best)) best = st;
    }
    return best;
}

const AVStream* first_of(const AVFormatContext& ctx, AVMediaType type) {
    for (unsigned i = 0; i < ctx.nb_streams; ++i)
        if (ctx.streams[i]->codecpar->codec_type == type) return ctx.streams[i];
    return nullptr;
}

}  // namespace

Result<AvReading> read_with_libav(const std::string& path) {
    quiet_libav_log();
    LibavLogCapture log;

    // "file:" and the whitelist keep a name with a colon, or a playlist inside the file,
    // from reaching any protocol but local files; pattern_type keeps the image demuxer
    // from reading "IMG%03d.JPG" as a numbered sequence.
    Options opts;
    av_dict_set(&opts.dict, "protocol_whitelist", "file", 0);
    av_dict_set(&opts.dict, "pattern_type", "none", 0);

    AVFormatContext* raw = nullptr;
    const std::string url = "file:" + path;
    int rc = avformat_open_input(&raw, url.c_str(), nullptr, &opts.dict);
    if (rc < 0) return fail(unreadable(path, rc, log));
    Input ctx(raw);
    rc = avformat_find_stream_info(ctx.get(), nullptr);
    if (rc < 0) return fail(unreadable(path, rc, log));

    AvReading r;
    r.demuxer = ctx->iformat->name;
    const AVStream* main = main_video(*ctx);
    if (main != nullptr) {
        r.kind = image_demuxer(r.demuxer) ? MediaKind::Photo : MediaKind::Video;
        r.width = main->codecpar->width;
        r.height = main->codecpar->height;
        // An image demuxer takes anything that starts like a JPEG; without a size no
        // picture was found in it (a file cut short, or garbage after the marker).
        if (r.kind == MediaKind::Photo && (r.width <= 0 || r.height <= 0))
            return fail(unreadable(path, "no picture can be decoded", log));
    } else if ((main = first_of(*ctx, AVMEDIA_TYPE_AUDIO)) != nullptr) {
        r.kind = MediaKind::Audio;
    } else if (ctx->nb_streams > 0) {
        main = ctx->streams[0];
        r.kind = MediaKind::Other;
    } else {
        return fail(unreadable(path, AVERROR_STREAM_NOT_FOUND, log));
    }
    r.codec = avcodec_get_name(main->codecpar->codec_id);
    if (r.kind != MediaKind::Photo) r.duration_ms = duration_ms(*ctx);
    r.started = stated_start(*ctx, main);
    return r;
}

}  // namespace custody::media
