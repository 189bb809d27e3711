#pragma once
#include <cstdint>

namespace custody {
// Row ids as the store assigns them.
using Id = std::int64_t;
}  // namespace custody
