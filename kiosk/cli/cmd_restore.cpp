// custodyctl restore --from FOLDER: puts a backup made by custodyctl backup back at the
// usual --db / --key / --archive paths. Every file is checked against the MANIFEST before
// anything is touched; an existing database is only replaced with --force, and even then
// nothing is deleted: what was there is kept under a *.replaced-<time> name (R12).
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <set>

#include "db/audit_verifier.h"
#include "db/chain_head.h"
#include "db/head_anchor.h"
#include "kiosk/archive/durable_dirs.h"
#include "kiosk/archive/posix_errors.h"
#include "kiosk/cli/backup_folder.h"
#include "kiosk/cli/commands.h"

namespace custody::cli {

namespace {

namespace fs = std::filesystem;
using namespace backup;

bool exists(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0;
}

bool non_empty_dir(const std::string& path) {
    std::error_code ec;
    return fs::is_directory(path, ec) && !fs::is_empty(path, ec);
}

std::string parent_of(const std::string& path) {
    auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// Every file the MANIFEST lists, read back and hashed, and the three a store needs
// present: a damaged or incomplete backup is refused before anything is touched.
Status check_backup(const std::string& folder, const std::vector<ManifestEntry>& entries) {
    std::set<std::string> listed;
    for (const auto& e : entries) listed.insert(e.path);
    for (const char* needed : {kDatabase, kKey, kAnchor})
        if (!listed.count(needed)) return fail(Error(MessageId::BackupFileMissing, {folder + "/" + needed}));
    for (const auto& e : entries) {
        const std::string path = folder + "/" + e.path;
        if (!exists(path)) return fail(Error(MessageId::BackupFileMissing, {path}));
        auto h = hash_file(path);
        if (!h) return fail(h.error());
        if (h->sha256 != e.sha256) return fail(Error(MessageId::BackupFileDamaged, {path}));
    }
    return {};
}

struct Targets {
    std::string db, key, anchor, archive;
};

// What restore would replace: the store's files, and an archive folder with anything in it.
std::vector<std::string> existing(const Targets& t) {
    std::vector<std::string> found;
    for (const auto& p : {t.db, t.db + "-wal", t.db + "-shm", t.key, t.anchor})
        if (exists(p)) found.push_back(p);
    if (non_empty_dir(t.archive)) found.push_back(t.archive);
    return found;
}

Status rename_aside(const CliContext& ctx, const std::string& from, const std::string& to) {
    if (std::rename(from.c_str(), to.c_str()) != 0)
        return fail(Error(MessageId::FileUnwritable, {to, archive::errno_text(errno)}));
    CUSTODY_TRY(fsync_folder(parent_of(to)));
    ctx.out << ctx.text(MessageId::RestoreMovedAside, {from, to}) << '\n';
    return {};
}

// The database keeps its -wal and -shm beside it under the new name, so the set kept
// aside still opens as it was. An archive that is a mount point of its own cannot be
// renamed: its contents move into a replaced-<time> folder inside it instead (verify
// --archive reads only the files the database names).
Status move_aside(const CliContext& ctx, const Targets& t, const std::string& stamp) {
    const std::string suffix = ".replaced-" + stamp;
    if (exists(t.db)) CUSTODY_TRY(rename_aside(ctx, t.db, t.db + suffix));
    for (const char* side : {"-wal", "-shm"})
        if (exists(t.db + side)) CUSTODY_TRY(rename_aside(ctx, t.db + side, t.db + suffix + side));
    if (exists(t.key)) CUSTODY_TRY(rename_aside(ctx, t.key, t.key + suffix));
    if (exists(t.anchor)) CUSTODY_TRY(rename_aside(ctx, t.anchor, t.anchor + suffix));
    if (!non_empty_dir(t.archive)) return {};
    if (std::rename(t.archive.c_str(), (t.archive + suffix).c_str()) == 0) {
        CUSTODY_TRY(fsync_folder(parent_of(t.archive)));
        ctx.out << ctx.text(MessageId::RestoreMovedAside, {t.archive, t.archive + suffix}) << '\n';
        return {};
    }
    if (errno != EBUSY && errno != EXDEV)
        return fail(Error(MessageId::FileUnwritable, {t.archive + suffix, archive::errno_text(errno)}));
    const std::string inside = t.archive + "/replaced-" + stamp;
    if (::mkdir(inside.c_str(), 0755) != 0)
        return fail(Error(MessageId::FileUnwritable, {inside, archive::errno_text(errno)}));
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(t.archive, ec)) {
        if (e.path().string() == inside) continue;
        const std::string to = inside + "/" + e.path().filename().string();
        if (std::rename(e.path().c_str(), to.c_str()) != 0)
            return fail(Error(MessageId::FileUnwritable, {to, archive::errno_text(errno)}));
    }
    if (ec) return fail(Error(MessageId::FileUnreadable, {t.archive, ec.message()}));
    CUSTODY_TRY(fsync_folder(inside));
    CUSTODY_TRY(fsync_folder(t.archive));
    ctx.out << ctx.text(MessageId::RestoreMovedAside, {t.archive, inside}) << '\n';
    return {};
}

Status make_parent(const std::string& path) {
    std::error_code ec;
    fs::create_directories(parent_of(path), ec);
    if (ec) return fail(Error(MessageId::FileUnwritable, {path, ec.message()}));
    return {};
}

// One file back in place, hashed again on the way: a backup changed since it was
// checked is caught here too.
Status put_back(const std::string& from, const std::string& to, const std::string& sha256, mode_t mode,
                std::int64_t& bytes) {
    auto copied = copy_durably(from, to, mode);
    if (!copied) return fail(copied.error());
    if (copied->sha256 != sha256) {
        ::unlink(to.c_str());
        return fail(Error(MessageId::BackupFileDamaged, {from}));
    }
    bytes += copied->bytes;
    return {};
}

mode_t mode_of(const std::string& path, mode_t otherwise) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 0777) : otherwise;
}

// The archive first and the database last: until the database is back nothing reads the
// rest, and a restore cut short is repeated with --force.
Status restore_files(const std::string& folder, const std::vector<ManifestEntry>& entries, const Targets& t,
                     std::int64_t& files, std::int64_t& bytes) {
    const std::string prefix = std::string(kArchive) + "/";
    std::error_code ec;
    fs::create_directories(t.archive, ec);
    if (ec) return fail(Error(MessageId::FileUnwritable, {t.archive, ec.message()}));
    const ManifestEntry* db = nullptr;
    const ManifestEntry* key = nullptr;
    const ManifestEntry* anchor = nullptr;
    for (const auto& e : entries) {
        if (e.path == kDatabase) db = &e;
        else if (e.path == kKey) key = &e;
        else if (e.path == kAnchor) anchor = &e;
        if (e.path.rfind(prefix, 0) != 0) continue;
        const std::string relative = e.path.substr(prefix.size());
        auto slash = relative.rfind('/');
        if (slash != std::string::npos) {
            if (int err = archive::make_dirs(t.archive, relative.substr(0, slash)))
                return fail(Error(MessageId::FileUnwritable, {t.archive + "/" + relative, archive::errno_text(err)}));
        }
        const std::string from = folder + "/" + e.path;
        CUSTODY_TRY(put_back(from, t.archive + "/" + relative, e.sha256, mode_of(from, 0444), bytes));
        ++files;
    }
    CUSTODY_TRY(make_parent(t.key));
    CUSTODY_TRY(put_back(folder + "/" + kKey, t.key, key->sha256, 0600, bytes));
    CUSTODY_TRY(make_parent(t.db));
    CUSTODY_TRY(put_back(folder + "/" + kAnchor, t.anchor, anchor->sha256, 0600, bytes));
    const std::string from = folder + "/" + kDatabase;
    CUSTODY_TRY(put_back(from, t.db, db->sha256, mode_of(from, 0600), bytes));
    files += 3;
    return {};
}

}  // namespace

int cmd_restore(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"from"}, {"force"});
    if (!a) return ctx.report(a.error());
    if (!a->get("from") || !a->positional.empty()) return ctx.report(usage("restore --from BACKUP-FOLDER [--force]"));
    std::string folder = *a->get("from");
    while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
    auto entries = read_manifest(folder);
    if (!entries) return ctx.report(entries.error());
    if (auto s = check_backup(folder, *entries); !s) return ctx.report(s.error());

    const Targets t{ctx.paths.db, ctx.paths.key, db::anchor_path_for(ctx.paths.db), ctx.archive_root};
    auto there = existing(t);
    if (!there.empty() && !a->has("force")) return ctx.report(Error(MessageId::RestoreTargetExists, {there.front()}));
    if (!there.empty())
        if (auto s = move_aside(ctx, t, utc_stamp(ctx.clock.now())); !s) return ctx.report(s.error());
    std::int64_t files = 0, bytes = 0;
    if (auto s = restore_files(folder, *entries, t, files, bytes); !s) return ctx.report(s.error());

    // The restored store opened as the kiosk will open it (a backup of an older schema is
    // migrated here) and its chain walked once, as `custodyctl verify` does.
    auto store = ctx.open_store();
    if (!store) return ctx.report(store.error());
    auto rep = db::verify_audit((*store)->connection(), (*store)->key(), t.anchor);
    if (!rep) return ctx.report(rep.error());
    auto head = db::chain_head((*store)->connection());
    if (!head) return ctx.report(head.error());
    ctx.out << ctx.text(MessageId::RestoreDone, {folder, std::to_string(files), std::to_string(bytes),
                                                 std::to_string(head->seq)})
            << '\n';
    if (!rep->intact()) return ctx.report(*rep->broken);
    ctx.out << ctx.text(MessageId::AuditIntact, {std::to_string(rep->entries), std::to_string(rep->records)}) << '\n';
    return kExitOk;
}

}  // namespace custody::cli
