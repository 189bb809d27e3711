#include "kiosk/archive/block_ring.h"

#include <exception>
#include <thread>

namespace custody::archive {

BlockRing::BlockRing(std::size_t block_bytes, std::size_t blocks) {
    blocks_.resize(blocks);
    for (auto& b : blocks_) {
        // Not zero-filled: every byte handed on has been read into first.
        storage_.push_back(std::make_unique_for_overwrite<char[]>(block_bytes));
        b.data = storage_.back().get();
        b.capacity = block_bytes;
        empty_.push_back(&b);
    }
}

Block* BlockRing::acquire_empty() {
    std::unique_lock lock(m_);
    cv_.wait(lock, [&] { return aborted_ || !empty_.empty(); });
    if (aborted_) return nullptr;
    Block* b = empty_.front();
    empty_.pop_front();
    b->size = 0;
    return b;
}

void BlockRing::submit_full(Block* b) {
    {
        std::lock_guard lock(m_);
        full_.push_back(b);
    }
    cv_.notify_all();
}

void BlockRing::close() {
    {
        std::lock_guard lock(m_);
        closed_ = true;
    }
    cv_.notify_all();
}

Block* BlockRing::acquire_full() {
    std::unique_lock lock(m_);
    cv_.wait(lock, [&] { return aborted_ || closed_ || !full_.empty(); });
    if (aborted_ || full_.empty()) return nullptr;
    Block* b = full_.front();
    full_.pop_front();
    return b;
}

void BlockRing::release(Block* b) {
    {
        std::lock_guard lock(m_);
        empty_.push_back(b);
    }
    cv_.notify_all();
}

void BlockRing::abort() {
    {
        std::lock_guard lock(m_);
        aborted_ = true;
    }
    cv_.notify_all();
}

void run_beside(BlockRing& ring, const std::function<void()>& here, const std::function<void()>& helper) {
    std::exception_ptr helper_error;
    std::thread t([&] {
        try {
            helper();
        } catch (...) {
            helper_error = std::current_exception();
            ring.abort();
        }
    });
    try {
        here();
    } catch (...) {
        ring.abort();
        t.join();
        throw;
    }
    t.join();
    if (helper_error) std::rethrow_exception(helper_error);
}

}  // namespace custody::archive
