#include "kiosk/media/exif_photo_reader.h"

#include <libexif/exif-data.h>
#include <libexif/exif-loader.h>
#include <libexif/exif-log.h>

#include <cstdarg>
#include <cstdio>
#include <memory>
#include <string_view>

namespace custody::media {
namespace {

struct ExifDataUnref {
    void operator()(ExifData* d) const { exif_data_unref(d); }
};
struct ExifLoaderUnref {
    void operator()(ExifLoader* l) const { exif_loader_unref(l); }
};
struct ExifLogUnref {
    void operator()(ExifLog* l) const { exif_log_unref(l); }
};

// libexif's functions return no error; what went wrong is only in its log, mostly at
// debug level ("IFD 0 at -256.").
struct LogLines {
    std::string first_corrupt;
    std::string last;
};

void on_exif_log(ExifLog*, ExifLogCode code, const char* domain, const char* format, va_list args, void* data) {
    auto* lines = static_cast<LogLines*>(data);
    char text[256];
    std::vsnprintf(text, sizeof text, format, args);
    std::string line = std::string(domain != nullptr ? domain : "libexif") + ": " + text;
    while (!line.empty() && (line.back() == '\n' || line.back() == ' ')) line.pop_back();
    if ((code == EXIF_LOG_CODE_CORRUPT_DATA || code == EXIF_LOG_CODE_NO_MEMORY) && lines->first_corrupt.empty())
        lines->first_corrupt = line;
    if (!line.empty()) lines->last = line;
}

bool has_entries(ExifData* data) {
    for (ExifIfd ifd : {EXIF_IFD_0, EXIF_IFD_EXIF})
        if (data->ifd[ifd] != nullptr && data->ifd[ifd]->count > 0) return true;
    return false;
}

std::string_view ascii(ExifData* data, ExifIfd ifd, ExifTag t) {
    ExifEntry* e = exif_content_get_entry(data->ifd[ifd], t);
    if (e == nullptr || e->format != EXIF_FORMAT_ASCII || e->data == nullptr) return {};
    return {reinterpret_cast<const char*>(e->data), e->size};
}

std::optional<StatedTime> stamp(ExifData* data, ExifIfd ifd, ExifTag time_tag, ExifTag offset_tag) {
    auto t = parse_exif_datetime(ascii(data, ifd, time_tag));
    if (!t) return std::nullopt;
    if (auto offset = parse_utc_offset(ascii(data, EXIF_IFD_EXIF, offset_tag))) {
        t->ms -= std::int64_t{*offset} * 1000;
        t->wall_clock = false;
    }
    return t;
}

}  // namespace

ExifReading read_exif(const std::string& path) {
    ExifReading r;
    LogLines lines;
    std::unique_ptr<ExifLog, ExifLogUnref> log(exif_log_new());
    if (log) exif_log_set_func(log.get(), on_exif_log, &lines);
    std::unique_ptr<ExifLoader, ExifLoaderUnref> loader(exif_loader_new());
    if (!loader) {
        r.problem = "libexif: out of memory";
        return r;
    }
    if (log) exif_loader_log(loader.get(), log.get());
    exif_loader_write_file(loader.get(), path.c_str());
    std::unique_ptr<ExifData, ExifDataUnref> data(exif_loader_get_data(loader.get()));
    if (!data) return r;  // no EXIF block at all, which is no damage

    r.taken = stamp(data.get(), EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL, EXIF_TAG_OFFSET_TIME_ORIGINAL);
    if (!r.taken) r.taken = stamp(data.get(), EXIF_IFD_0, EXIF_TAG_DATE_TIME, EXIF_TAG_OFFSET_TIME);
    if (!lines.first_corrupt.empty())
        r.problem = lines.first_corrupt;
    else if (!has_entries(data.get()))
        r.problem = "the EXIF block holds no readable entry (" + lines.last + ")";
    return r;
}

}  // namespace custody::media
