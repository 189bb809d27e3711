#pragma once
// Left alone, the kernel keeps a copy's data dirty in the page cache until the final
// fsync (or until gigabytes pile up), so the disk idles while the source is read and
// the reader idles while fsync writes. Starting writeback of each block as soon as it
// is written, and waiting for data a window behind, keeps both busy and bounds the dirty
// pages a copy holds. The final fsync is still what makes the copy durable.

#include <cstdint>

namespace custody::archive {

class WriteBehind {
public:
    WriteBehind(int fd, std::int64_t window_bytes) : fd_(fd), window_(window_bytes) {}

    // After `bytes` were written at `offset` (in order). 0, or the errno of a failed
    // writeback (EIO, ENOSPC): the copy must stop.
    int written(std::int64_t offset, std::int64_t bytes);

private:
    int fd_;
    std::int64_t window_;
    std::int64_t settled_ = 0;  // [0, settled_) is on the disk and out of the cache
    bool unsupported_ = false;
};

}  // namespace custody::archive
