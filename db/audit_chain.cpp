#include "db/audit_chain.h"

#include <sodium.h>

#include <cstring>

namespace custody::db {

namespace {
void field(std::string& out, std::string_view v) {
    out += std::to_string(v.size());
    out += ':';
    out += v;
}
}  // namespace

Digest sha256(std::string_view bytes) {
    Digest d;
    crypto_hash_sha256(d.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return d;
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
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    crypto_hash_sha256_update(&st, prev.data(), prev.size());
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(canon.data()), canon.size());
    Digest d;
    crypto_hash_sha256_final(&st, d.data());
    return d;
}

Digest entry_mac(const KioskKey& key, const Digest& hash) {
    Digest m;
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, key.bytes.data(), key.bytes.size());
    crypto_auth_hmacsha256_update(&st, hash.data(), hash.size());
    crypto_auth_hmacsha256_final(&st, m.data());
    return m;
}

bool digests_equal(const Digest& a, const Digest& b) { return sodium_memcmp(a.data(), b.data(), a.size()) == 0; }

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
