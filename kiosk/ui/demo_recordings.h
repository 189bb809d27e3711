#pragma once
// What an officer's camera holds when it comes back in the demo: a few short audio
// recordings and photos spread over the shift, named and dated by the camera's own
// clock as body-worn cameras do (real WAV and JPEG files, kiosk/cli/demo_media.h).

#include <cstdint>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/result.h"

namespace custody::ui {

// Writes into `volume` (the camera's storage) recordings between `from` and `to`.
// Returns how many files were written.
Result<int> record_shift(const std::string& volume, const std::string& serial, Timestamp from, Timestamp to,
                         std::uint32_t seed);

}  // namespace custody::ui
