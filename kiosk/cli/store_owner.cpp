#include "kiosk/cli/store_owner.h"

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace custody::cli {

Status act_as_store_owner(const std::string& db_path) {
    if (::geteuid() != 0) return {};
    struct stat st {};
    if (::stat(db_path.c_str(), &st) != 0 || st.st_uid == 0) return {};
    auto failed = [&](const char* step) {
        return fail(Error(MessageId::StoreOwnerNotTaken,
                          {db_path, std::to_string(st.st_uid), std::string(step) + ": " + std::strerror(errno)}));
    };
    // Groups first, then the group, then the user: after setuid there is no way back.
    const passwd* pw = ::getpwuid(st.st_uid);
    if ((pw ? ::initgroups(pw->pw_name, st.st_gid) : ::setgroups(0, nullptr)) != 0) return failed("setgroups");
    if (::setgid(st.st_gid) != 0) return failed("setgid");
    if (::setuid(st.st_uid) != 0) return failed("setuid");
    return {};
}

}  // namespace custody::cli
