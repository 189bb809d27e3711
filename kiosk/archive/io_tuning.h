#pragma once
// Sizes of the archive's file I/O: blocks large enough that a system call moves
// megabytes, few enough that four slots copying at once hold little memory. Chosen from
// one-slot copies on the development VM; tests/bench/README.md (offload_bench) has the
// combinations tried and the figures.

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
