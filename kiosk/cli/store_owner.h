#pragma once
// An installed kiosk's database, key and archive belong to the custody user. custodyctl
// run as root (sudo custodyctl ...) would leave root-owned -wal, -shm, anchor or archive
// files that the kiosk could no longer write; so as root it takes the identity of the
// database's owner before it opens anything.

#include <string>

#include "kiosk/core/result.h"

namespace custody::cli {

// Nothing to do unless running as root on a database another user owns.
Status act_as_store_owner(const std::string& db_path);

}  // namespace custody::cli
