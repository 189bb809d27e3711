#pragma once
// Where the database and the footage archive are when nobody says: the same for
// custodyctl, the kiosk and the maintenance jobs, so that all of them find one store.

#include <string>

namespace custody::db {

// $CUSTODY_DB; else the installed kiosk's /var/lib/custody-kiosk/custody.db when it
// exists; else $XDG_DATA_HOME/custody-kiosk/custody.db (~/.local/share/...).
std::string default_db_path();
// $CUSTODY_ARCHIVE, else an "archive" folder beside the database.
std::string default_archive_root(const std::string& db_path);

inline constexpr const char* kInstalledDbPath = "/var/lib/custody-kiosk/custody.db";

}  // namespace custody::db
