#include "kiosk/archive/hashing_copy.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>

#include "kiosk/archive/block_ring.h"
#include "kiosk/archive/io_tuning.h"
#include "kiosk/archive/sha256.h"
#include "kiosk/archive/write_behind.h"

namespace custody::archive {
namespace {

// Fills `b` to capacity unless the file ends first. 0, or the read's errno.
int fill(int fd, Block& b, bool& at_end) {
    while (b.size < b.capacity) {
        ssize_t n = ::read(fd, b.data + b.size, b.capacity - b.size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        if (n == 0) {
            at_end = true;
            break;
        }
        b.size += static_cast<std::size_t>(n);
    }
    return 0;
}

class Progress {
public:
    explicit Progress(const ByteProgress& f) : f_(f) {}
    void at(std::int64_t done, bool last = false) {
        if (!f_ || done == reported_ || (!last && done - reported_ < kProgressStepBytes)) return;
        reported_ = done;
        f_(done);
    }

private:
    const ByteProgress& f_;
    std::int64_t reported_ = 0;
};

}  // namespace

HashingCopy hashing_copy(int src, int dst, const ByteProgress& progress) {
    HashingCopy out;
    BlockRing ring(kBlockBytes, kBlocksInFlight);
    Sha256 sha;
    std::atomic<std::int64_t> written{0};
    Progress report(progress);

    auto read_and_hash = [&] {
        bool at_end = false;
        while (!at_end) {
            Block* b = ring.acquire_empty();
            if (b == nullptr) return;  // the writer failed
            report.at(written.load());
            if ((out.read_errno = fill(src, *b, at_end)) != 0) {
                ring.abort();
                return;
            }
            if (b->size == 0) {
                ring.release(b);
                break;
            }
            sha.update(b->data, b->size);
            b->offset = out.bytes_read;
            out.bytes_read += static_cast<std::int64_t>(b->size);
            ring.submit_full(b);
        }
        ring.close();
    };
    auto write_out = [&] {
        WriteBehind behind(dst, kWriteBehindBytes);
        auto failed = [&](const char* step, int e) {
            out.write_step = step;
            out.write_errno = e;
            ring.abort();
        };
        while (Block* b = ring.acquire_full()) {
            std::size_t done = 0;
            while (done < b->size) {
                ssize_t n = ::write(dst, b->data + done, b->size - done);
                if (n < 0) {
                    if (errno == EINTR) continue;
                    return failed("write", errno);
                }
                done += static_cast<std::size_t>(n);
                written.fetch_add(n);
            }
            if (int e = behind.written(b->offset, static_cast<std::int64_t>(b->size)); e != 0)
                return failed("writeback", e);
            ring.release(b);
        }
    };
    run_beside(ring, read_and_hash, write_out);

    out.bytes_written = written.load();
    if (out.read_errno == 0 && out.write_errno == 0) {
        out.sha256 = sha.hex_digest();
        report.at(out.bytes_written, true);
    }
    return out;
}

FileDigest digest_file(int fd) {
    FileDigest out;
    BlockRing ring(kBlockBytes, kBlocksInFlight);
    Sha256 sha;
    int read_errno = 0;

    auto read_ahead = [&] {
        bool at_end = false;
        while (!at_end) {
            Block* b = ring.acquire_empty();
            if (b == nullptr) return;
            if ((read_errno = fill(fd, *b, at_end)) != 0) {
                ring.abort();
                return;
            }
            ring.submit_full(b);
        }
        ring.close();
    };
    auto hash = [&] {
        while (Block* b = ring.acquire_full()) {
            sha.update(b->data, b->size);
            out.bytes += static_cast<std::int64_t>(b->size);
            ring.release(b);
        }
    };
    run_beside(ring, hash, read_ahead);

    out.read_errno = read_errno;
    if (read_errno == 0) out.sha256 = sha.hex_digest();
    return out;
}

}  // namespace custody::archive
