#include "db/store_location.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace custody::db {

std::string default_db_path() {
    if (const char* db = std::getenv("CUSTODY_DB"); db && *db) return db;
    std::error_code ec;
    if (std::filesystem::exists(kInstalledDbPath, ec)) return kInstalledDbPath;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/custody-kiosk/custody.db";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.local/share/custody-kiosk/custody.db";
    return kInstalledDbPath;
}

std::string default_archive_root(const std::string& db_path) {
    if (const char* e = std::getenv("CUSTODY_ARCHIVE"); e && *e) return e;
    const auto slash = db_path.rfind('/');
    return (slash == std::string::npos ? std::string(".") : db_path.substr(0, slash)) + "/archive";
}

}  // namespace custody::db
