#pragma once
// The workbook's zip container, read with libzip. Part names are looked up without
// regard to case, as OPC packages require.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "kiosk/core/result.h"

struct zip;

namespace custody::xlsx {

class ZipReader {
public:
    // XlsxUnreadable {path, reason} when the file is missing or not a zip archive.
    static Result<ZipReader> open(const std::string& path);

    const std::string& path() const { return path_; }
    bool has(const std::string& part) const;
    // Hands the part's bytes to `sink` in chunks, the last one with last = true, and
    // stops early when the sink returns false. XlsxUnreadable when decompressing fails.
    using Sink = std::function<bool(const char* data, std::size_t size, bool last)>;
    Status stream(const std::string& part, const Sink& sink) const;

private:
    struct Close {
        void operator()(zip* z) const;
    };
    ZipReader(std::string path, zip* z) : path_(std::move(path)), zip_(z) {}
    std::string path_;
    std::unique_ptr<zip, Close> zip_;
};

}  // namespace custody::xlsx
