#pragma once
// Custodian PINs as the database keeps them: PBKDF2-HMAC-SHA256 over a random salt,
// slow on purpose. A PIN has few digits; the iterations are what makes a copied database
// expensive to try them all against.

#include <array>
#include <string>

#include "kiosk/core/result.h"

namespace custody::db {

inline constexpr int kPinIterations = 210000;

struct PinHash {
    std::array<unsigned char, 16> salt{};
    std::array<unsigned char, 32> hash{};
    int iterations = kPinIterations;
};

// A fresh random salt.
Result<PinHash> hash_new_pin(const std::string& pin, int iterations = kPinIterations);
// Recomputes with the stored salt and iterations; compares in constant time.
Result<bool> pin_matches_hash(const std::string& pin, const PinHash& stored);

}  // namespace custody::db
