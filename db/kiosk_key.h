#pragma once
// The kiosk's secret for signing audit entries. It lives outside the database (a file
// only the service user can read), so someone who can edit the database cannot forge
// a valid chain.

#include <array>
#include <string>

#include "kiosk/core/result.h"

namespace custody::db {

struct KioskKey {
    std::array<unsigned char, 32> bytes{};
};

// Creates a new random key with mode 0600; refuses to overwrite an existing file.
Result<KioskKey> create_kiosk_key(const std::string& path);
Result<KioskKey> load_kiosk_key(const std::string& path);

}  // namespace custody::db
