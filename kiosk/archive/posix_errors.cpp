#include "kiosk/archive/posix_errors.h"

#include <cerrno>
#include <system_error>

namespace custody::archive {

std::string errno_text(int e) { return std::generic_category().message(e); }

bool out_of_space(int e) { return e == ENOSPC || e == EDQUOT; }

std::int64_t megabytes_needed(std::int64_t bytes) {
    constexpr std::int64_t kMiB = 1 << 20;
    if (bytes < 1) return 1;
    return (bytes + kMiB - 1) / kMiB;
}

Error archive_write_failure(const std::string& relative, std::string_view step, int e,
                            std::int64_t bytes_still_needed) {
    std::string detail = relative + ": " + std::string(step) + ": " + errno_text(e);
    if (out_of_space(e))
        return Error(MessageId::ArchiveFull, {std::to_string(megabytes_needed(bytes_still_needed))}, detail);
    return Error(MessageId::ArchiveWriteError, {relative, errno_text(e)}, detail);
}

}  // namespace custody::archive
