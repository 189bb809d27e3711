#pragma once
#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"

namespace custody {

struct Badge {
    std::string uid;  // upper-case hex of the card UID, as the reader reports it
    Id officer_id = 0;
    Timestamp issued_at;
    std::optional<Timestamp> revoked_at;
    std::string revoke_reason;

    bool revoked() const { return revoked_at.has_value(); }
};

// Normalises "04:a2:3b:11" or "04 A2 3B 11" to "04A23B11"; empty if not hex.
std::string normalise_badge_uid(const std::string& text);

}  // namespace custody
