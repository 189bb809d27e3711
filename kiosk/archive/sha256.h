#pragma once
// SHA-256 through OpenSSL's EVP interface, which picks the CPU's SHA instructions where
// there are any: hashing must keep up with the disk, or the verified copy is CPU-bound.

#include <cstddef>
#include <string>

struct evp_md_ctx_st;

namespace custody::archive {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(const void* data, std::size_t n);
    // Lower-case hex, as sha256sum prints it. The object is spent afterwards.
    std::string hex_digest();

private:
    evp_md_ctx_st* ctx_;
};

}  // namespace custody::archive
