#include "db/audit_chain.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstring>
#include <stdexcept>

namespace custody::db {

namespace {
void field(std::string& out, std::string_view v) {
    out += std::to_string(v.size());
    out += ':';
    out += v;
}
}  // namespace

namespace {

// OpenSSL's SHA-256 uses the CPU's SHA instructions where they exist, which is what makes
// verifying millions of entries fast. Contexts are fetched once per thread and reused.
struct Sha256 {
    EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    Sha256() {
        if (md == nullptr || ctx == nullptr) throw std::runtime_error("OpenSSL has no SHA-256");
    }
    ~Sha256() {
        EVP_MD_CTX_free(ctx);
        EVP_MD_free(md);
    }
    void begin() { EVP_DigestInit_ex(ctx, md, nullptr); }
    void add(const void* p, std::size_t n) { EVP_DigestUpdate(ctx, p, n); }
    Digest end() {
        Digest d;
        unsigned int len = 0;
        EVP_DigestFinal_ex(ctx, d.data(), &len);
        return d;
    }
};

Sha256& sha() {
    thread_local Sha256 s;
    return s;
}

// HMAC-SHA-256 with the key's inner and outer pads computed once: re-initialising an
// EVP_MAC_CTX without a key reuses them.
struct HmacSha256 {
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    EVP_MAC_CTX* ctx = nullptr;
    KioskKey key{};
    bool keyed = false;
    HmacSha256() {
        if (mac == nullptr || (ctx = EVP_MAC_CTX_new(mac)) == nullptr) throw std::runtime_error("OpenSSL has no HMAC");
    }
    ~HmacSha256() {
        EVP_MAC_CTX_free(ctx);
        EVP_MAC_free(mac);
    }
    Digest of(const KioskKey& k, const Digest& msg) {
        if (!keyed || CRYPTO_memcmp(k.bytes.data(), key.bytes.data(), key.bytes.size()) != 0) {
            char digest[] = "SHA256";
            OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                   OSSL_PARAM_construct_end()};
            EVP_MAC_init(ctx, k.bytes.data(), k.bytes.size(), params);
            key = k;
            keyed = true;
        } else {
            EVP_MAC_init(ctx, nullptr, 0, nullptr);
        }
        EVP_MAC_update(ctx, msg.data(), msg.size());
        Digest d;
        std::size_t len = 0;
        EVP_MAC_final(ctx, d.data(), &len, d.size());
        return d;
    }
};

}  // namespace

Digest sha256(std::string_view bytes) {
    Sha256& s = sha();
    s.begin();
    s.add(bytes.data(), bytes.size());
    return s.end();
}

// Length-prefixed fields: no value can be crafted to shift bytes into another field.
std::string canonical_audit(const AuditEntry& e) {
    std::string out = "audit/1;";
    out.reserve(160 + e.detail.size());
    field(out, std::to_string(e.seq));
    field(out, std::to_string(e.at_ms));
    field(out, e.actor);
    field(out, e.action);
    field(out, e.subject);
    field(out, e.detail);
    field(out, e.record_table.value_or("-"));
    field(out, e.record_id ? std::to_string(*e.record_id) : "-");
    field(out, e.record_digest ? hex(*e.record_digest) : "-");
    return out;
}

Digest chain_hash(const Digest& prev, const AuditEntry& e) {
    std::string canon = canonical_audit(e);
    Sha256& s = sha();
    s.begin();
    s.add(prev.data(), prev.size());
    s.add(canon.data(), canon.size());
    return s.end();
}

Digest entry_mac(const KioskKey& key, const Digest& hash) {
    thread_local HmacSha256 h;
    return h.of(key, hash);
}

bool digests_equal(const Digest& a, const Digest& b) { return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0; }

std::string hex(const Digest& d) {
    static const char* k = "0123456789abcdef";
    std::string s;
    s.reserve(64);
    for (unsigned char c : d) {
        s += k[c >> 4];
        s += k[c & 15];
    }
    return s;
}

std::optional<Digest> digest_from_hex(std::string_view h) {
    if (h.size() != 64) return std::nullopt;
    Digest d;
    auto nib = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < 32; ++i) {
        int a = nib(h[2 * i]), b = nib(h[2 * i + 1]);
        if (a < 0 || b < 0) return std::nullopt;
        d[i] = static_cast<unsigned char>(a * 16 + b);
    }
    return d;
}

std::optional<Digest> digest_from_blob(const void* p, std::size_t n) {
    if (p == nullptr || n != 32) return std::nullopt;
    Digest d;
    std::memcpy(d.data(), p, 32);
    return d;
}

}  // namespace custody::db
