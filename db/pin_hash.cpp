#include "db/pin_hash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace custody::db {

namespace {
Result<std::array<unsigned char, 32>> derive(const std::string& pin, const std::array<unsigned char, 16>& salt,
                                             int iterations) {
    std::array<unsigned char, 32> out{};
    if (PKCS5_PBKDF2_HMAC(pin.data(), static_cast<int>(pin.size()), salt.data(), static_cast<int>(salt.size()),
                          iterations, EVP_sha256(), static_cast<int>(out.size()), out.data()) != 1)
        return fail(Error(MessageId::CryptoUnavailable, {}, "PKCS5_PBKDF2_HMAC failed"));
    return out;
}
}  // namespace

Result<PinHash> hash_new_pin(const std::string& pin, int iterations) {
    PinHash h;
    h.iterations = iterations;
    if (RAND_bytes(h.salt.data(), static_cast<int>(h.salt.size())) != 1)
        return fail(Error(MessageId::CryptoUnavailable, {}, "RAND_bytes failed"));
    auto d = derive(pin, h.salt, iterations);
    if (!d) return fail(d.error());
    h.hash = *d;
    return h;
}

Result<bool> pin_matches_hash(const std::string& pin, const PinHash& stored) {
    auto d = derive(pin, stored.salt, stored.iterations);
    if (!d) return fail(d.error());
    return CRYPTO_memcmp(d->data(), stored.hash.data(), d->size()) == 0;
}

}  // namespace custody::db
