#pragma once
// A chain alone cannot show that its newest entries were cut off. After each commit the
// store records the chain head (seq, hash), signed with the kiosk key, in a file beside
// the database; verify then refuses a database that ends before the anchor or whose
// entry at the anchor differs. The anchor only moves forward, and it is written after
// the commit, so a crash can leave it behind the database but never ahead of it.

#include <cstdint>
#include <optional>
#include <string>

#include "db/audit_chain.h"
#include "kiosk/core/result.h"

namespace custody::db {

struct HeadAnchor {
    std::int64_t seq = 0;
    Digest hash{};
};

std::string anchor_path_for(const std::string& db_path);
// Written by init before its first commit: seq 0, the all-zero hash. From then on the
// anchor exists for as long as the chain does.
Status create_genesis_anchor(const std::string& path, const KioskKey& key);
// Advances the anchor to `head` unless it already stands at or past it. A missing or
// damaged anchor is never recreated here: that would let someone who cut entries off
// the end and deleted the file have the next normal write bless the shortened chain.
Status advance_anchor(const std::string& path, const KioskKey& key, const HeadAnchor& head);
// nullopt when the file is missing, unreadable or its signature is wrong.
std::optional<HeadAnchor> read_anchor(const std::string& path, const KioskKey& key);

}  // namespace custody::db
