#pragma once
// A few large buffers passed between two threads: one fills them in order, the other
// drains them in the same order. With two buffers the disk works on one while the
// other thread hashes or copies the other, so reading, hashing and writing overlap.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace custody::archive {

struct Block {
    char* data = nullptr;
    std::size_t capacity = 0;
    std::size_t size = 0;      // bytes of data filled in
    std::int64_t offset = 0;   // where they sit in the file
};

class BlockRing {
public:
    BlockRing(std::size_t block_bytes, std::size_t blocks);
    BlockRing(const BlockRing&) = delete;
    BlockRing& operator=(const BlockRing&) = delete;

    // Filling side. acquire_empty waits for a free buffer; nullptr once aborted.
    Block* acquire_empty();
    void submit_full(Block* b);
    // No more blocks will come: the draining side sees nullptr after the last one.
    void close();

    // Draining side. acquire_full waits for the next block in order; nullptr once
    // closed and drained, or aborted.
    Block* acquire_full();
    void release(Block* b);

    // Either side gives up: both stop waiting.
    void abort();

private:
    std::mutex m_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<char[]>> storage_;
    std::vector<Block> blocks_;
    std::deque<Block*> empty_;
    std::deque<Block*> full_;
    bool closed_ = false;
    bool aborted_ = false;
};

// Runs `helper` on a new thread and `here` on this one, both using `ring`. Each side
// must close or abort the ring when it stops, so that the other stops too. An
// exception on either side aborts the ring, joins the thread and is rethrown here.
void run_beside(BlockRing& ring, const std::function<void()>& here, const std::function<void()>& helper);

}  // namespace custody::archive
