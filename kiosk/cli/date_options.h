#pragma once
// Date options shared by the commands that take a period (--from, --to, --month).

#include <optional>
#include <utility>

#include "kiosk/cli/args.h"
#include "kiosk/core/clock.h"

namespace custody::cli {

// "--to 2026-11-30" means through the end of that day when `end_of_day` is set.
Result<std::optional<Timestamp>> time_option(const Args& a, const char* name, bool end_of_day);
// "--month 2026-11": its first moment and the next month's, in agency time.
Result<std::optional<std::pair<Timestamp, Timestamp>>> month_option(const Args& a, const char* name);

}  // namespace custody::cli
