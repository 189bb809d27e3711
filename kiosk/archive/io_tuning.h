#pragma once
// Sizes of the archive's file I/O, measured with tests/bench/offload_bench (see its
// README): blocks large enough that a system call moves megabytes, few enough that four
// slots copying at once hold little memory.

#include <cstddef>
#include <cstdint>

namespace custody::archive {

inline constexpr std::size_t kBlockBytes = 4u << 20;
inline constexpr std::size_t kBlocksInFlight = 2;
// Written data further behind than this is waited for and dropped from the page cache.
inline constexpr std::int64_t kWriteBehindBytes = 32 << 20;
// Progress callbacks come no more often than this.
inline constexpr std::int64_t kProgressStepBytes = 1 << 20;

}  // namespace custody::archive
