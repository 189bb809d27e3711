#pragma once
// One pass over a source: this thread reads large blocks and hashes them, a writer
// thread writes them out, so the source is read once and reading overlaps writing.

#include <cstdint>
#include <string>

#include "kiosk/core/footage_archive.h"

namespace custody::archive {

struct HashingCopy {
    std::string sha256;            // of every byte read (valid when read_errno == 0)
    std::int64_t bytes_read = 0;
    std::int64_t bytes_written = 0;
    int read_errno = 0;            // the source failed
    int write_errno = 0;           // the destination failed, at write_step
    const char* write_step = "";
};

// Copies `src` to `dst` from their current offsets until the source ends or either side
// fails. `progress` (may be empty) is called on this thread with the bytes written.
HashingCopy hashing_copy(int src, int dst, const ByteProgress& progress);

// Reads `fd` to its end in large blocks on a helper thread and hashes them here.
struct FileDigest {
    std::string sha256;
    std::int64_t bytes = 0;
    int read_errno = 0;
};
FileDigest digest_file(int fd);

}  // namespace custody::archive
