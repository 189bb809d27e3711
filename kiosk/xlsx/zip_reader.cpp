#include "kiosk/xlsx/zip_reader.h"

#include <zip.h>

namespace custody::xlsx {
namespace {

std::string zip_error_text(int code) {
    zip_error_t e;
    zip_error_init_with_code(&e, code);
    std::string text = zip_error_strerror(&e);
    zip_error_fini(&e);
    return text;
}

Error unreadable(const std::string& path, std::string reason) {
    return Error(MessageId::XlsxUnreadable, {path, std::move(reason)});
}

struct FileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

}  // namespace

void ZipReader::Close::operator()(zip* z) const { zip_discard(z); }

Result<ZipReader> ZipReader::open(const std::string& path) {
    int code = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &code);
    if (z == nullptr) return fail(unreadable(path, zip_error_text(code)));
    ZipReader reader(path, z);
    // libzip opens an empty file as an empty archive; to a person it is no workbook.
    if (zip_get_num_entries(z, 0) <= 0) return fail(unreadable(path, "the file is empty or an empty zip archive"));
    return reader;
}

bool ZipReader::has(const std::string& part) const {
    return zip_name_locate(zip_.get(), part.c_str(), ZIP_FL_NOCASE) >= 0;
}

Status ZipReader::stream(const std::string& part, const Sink& sink) const {
    std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen(zip_.get(), part.c_str(), ZIP_FL_NOCASE));
    if (!file) return fail(unreadable(path_, part + ": " + zip_error_strerror(zip_get_error(zip_.get()))));
    char buffer[64 * 1024];
    for (;;) {
        zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
        if (n < 0) return fail(unreadable(path_, part + ": " + zip_file_strerror(file.get())));
        if (!sink(buffer, static_cast<std::size_t>(n), n == 0)) return {};
        if (n == 0) return {};
    }
}

}  // namespace custody::xlsx
