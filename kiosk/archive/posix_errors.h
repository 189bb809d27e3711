#pragma once
// Turning an errno from the archive disk into the message a custodian reads.

#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/core/error.h"

namespace custody::archive {

std::string errno_text(int e);

// ENOSPC and EDQUOT: the disk (or the kiosk's quota on it) has no room.
bool out_of_space(int e);

// Whole megabytes (MiB) to free so that `bytes` more fit: rounded up, at least 1.
std::int64_t megabytes_needed(std::int64_t bytes);

// An archive-side failure of `step` on `relative`: ArchiveFull when there is no room
// (asking for `bytes_still_needed`), ArchiveWriteError otherwise.
Error archive_write_failure(const std::string& relative, std::string_view step, int e,
                            std::int64_t bytes_still_needed);

}  // namespace custody::archive
