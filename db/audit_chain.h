#pragma once
// How one audit entry is chained and signed. Shared by the writer and the verifier so
// that both compute exactly the same bytes.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/kiosk_key.h"

namespace custody::db {

using Digest = std::array<unsigned char, 32>;

struct AuditEntry {
    std::int64_t seq = 0;
    std::int64_t at_ms = 0;
    std::string actor;
    std::string action;
    std::string subject;
    std::string detail;
    std::optional<std::string> record_table;
    std::optional<std::int64_t> record_id;
    std::optional<Digest> record_digest;
};

Digest sha256(std::string_view bytes);
std::string canonical_audit(const AuditEntry& e);
Digest chain_hash(const Digest& prev, const AuditEntry& e);
Digest entry_mac(const KioskKey& key, const Digest& hash);
bool digests_equal(const Digest& a, const Digest& b);  // constant time
std::string hex(const Digest& d);
std::optional<Digest> digest_from_hex(std::string_view hex);
std::optional<Digest> digest_from_blob(const void* p, std::size_t n);

}  // namespace custody::db
