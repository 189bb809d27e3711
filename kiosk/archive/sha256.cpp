#include "kiosk/archive/sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace custody::archive {

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
    if (ctx_ == nullptr || EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr) != 1) {
        EVP_MD_CTX_free(ctx_);
        throw std::runtime_error("OpenSSL cannot start a SHA-256");
    }
}

Sha256::~Sha256() { EVP_MD_CTX_free(ctx_); }

void Sha256::update(const void* data, std::size_t n) {
    if (EVP_DigestUpdate(ctx_, data, n) != 1) throw std::runtime_error("OpenSSL SHA-256 update failed");
}

std::string Sha256::hex_digest() {
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx_, d, &len) != 1) throw std::runtime_error("OpenSSL SHA-256 final failed");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * len);
    for (unsigned int i = 0; i < len; ++i) {
        out += kHex[d[i] >> 4];
        out += kHex[d[i] & 0xF];
    }
    return out;
}

}  // namespace custody::archive
