// custodyctl backup --to DIR: a complete copy of the kiosk's data taken while the kiosk
// keeps writing — the database through SQLite's online backup, the signing key, a head
// anchor signed for the copy, and every archived recording the copy references with its
// job's SHA256SUMS (R12, R16) — in a new folder that a MANIFEST, written last, marks
// complete. docs/operations.md describes the folder and the restore drill.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <map>

#include "db/audit_verifier.h"
#include "db/chain_head.h"
#include "db/head_anchor.h"
#include "db/kiosk_key.h"
#include "db/online_backup.h"
#include "kiosk/archive/durable_dirs.h"
#include "kiosk/archive/posix_errors.h"
#include "kiosk/archive/unique_fd.h"
#include "kiosk/cli/backup_folder.h"
#include "kiosk/cli/commands.h"

namespace custody::cli {

namespace {

namespace fs = std::filesystem;
using namespace backup;

struct Taken {
    std::vector<ManifestEntry> entries;
    std::int64_t bytes = 0;
    std::int64_t head_seq = 0;
    int linked = 0;
    std::string linked_from;
    std::vector<Error> problems;  // archive files missing or altered: copied as they are

    void add(const std::string& path, const CopiedFile& f) {
        entries.push_back({f.sha256, path});
        bytes += f.bytes;
    }
};

std::string dirname_of(const std::string& relative) {
    auto slash = relative.rfind('/');
    return slash == std::string::npos ? std::string() : relative.substr(0, slash);
}

Error target_unwritable(const std::string& path, int e) {
    if (archive::out_of_space(e)) return Error(MessageId::BackupNoSpace, {path});
    return Error(MessageId::BackupTargetUnwritable, {path, archive::errno_text(e)});
}

Status check_target(const std::string& dir) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return fail(Error(MessageId::BackupTargetMissing, {dir}));
    if (::access(dir.c_str(), W_OK | X_OK) != 0) return fail(target_unwritable(dir, errno));
    return {};
}

// Named for the time it was taken; a second backup within the same second gets -2, -3...
// Mode 0700: the folder holds the signing key.
Result<std::string> make_folder(const std::string& dir, Timestamp now) {
    const std::string base = dir + "/" + kFolderPrefix + utc_stamp(now);
    for (int n = 1; n < 100; ++n) {
        std::string path = n == 1 ? base : base + "-" + std::to_string(n);
        if (::mkdir(path.c_str(), 0700) == 0) {
            CUSTODY_TRY(fsync_folder(dir));
            return path;
        }
        if (errno != EEXIST) return fail(target_unwritable(dir, errno));
    }
    return fail(Error(MessageId::BackupTargetUnwritable, {dir, "too many backups within one second"}));
}

// The newest complete backup already in `dir`, and what its MANIFEST lists: archive files
// never change once written, so one whose hash still matches is hard-linked, not copied.
struct Earlier {
    std::string folder;
    std::map<std::string, std::string> sha_of;  // path in the folder -> sha256
};
Earlier newest_complete_backup(const std::string& dir, const std::string& except) {
    Earlier found;
    std::error_code ec;
    std::string newest;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind(kFolderPrefix, 0) != 0 || e.path().string() == except) continue;
        if (!fs::exists(e.path() / kManifest, ec)) continue;
        if (name > newest) newest = name;
    }
    if (newest.empty()) return found;
    auto lines = read_manifest(dir + "/" + newest);
    if (!lines) return found;
    found.folder = dir + "/" + newest;
    for (const auto& l : *lines) found.sha_of[l.path] = l.sha256;
    return found;
}

// The file SQLite wrote, made durable the way copy_durably makes its own.
Status sync_and_rename(const std::string& part, const std::string& path, mode_t mode) {
    archive::UniqueFd fd(::open(part.c_str(), O_RDWR | O_CLOEXEC));
    if (!fd || ::fsync(fd.get()) != 0 || ::fchmod(fd.get(), mode) != 0) return fail(target_unwritable(part, errno));
    if (int e = fd.close_checked()) return fail(target_unwritable(part, e));
    if (std::rename(part.c_str(), path.c_str()) != 0) return fail(target_unwritable(path, errno));
    return fsync_folder(dirname_of(path));
}

Status copy_database(const CliContext& ctx, const std::string& folder, const db::KioskKey& key,
                     const db::HeadAnchor& floor, Taken& taken, db::SnapshotFiles& files) {
    const std::string part = folder + "/" + kDatabase + ".part";
    const std::string anchor = folder + "/" + kAnchor;
    {
        auto copy = db::online_backup(ctx.paths.db, part);
        if (!copy) return fail(copy.error());
        auto head = db::chain_head(**copy);
        if (!head) return fail(head.error());
        // The copy is first anchored where the live anchor stood before it was taken and
        // verified against that: a chain cut short or altered is refused here, never
        // blessed by the anchor this backup signs.
        CUSTODY_TRY(db::create_anchor_at(anchor, key, floor));
        auto rep = db::verify_audit(**copy, key, anchor);
        if (!rep) return fail(rep.error());
        if (!rep->intact()) return fail(*rep->broken);
        CUSTODY_TRY(db::advance_anchor(anchor, key, *head));
        ::unlink((anchor + ".lock").c_str());
        taken.head_seq = head->seq;
        auto listed = db::archive_files_of(**copy);
        if (!listed) return fail(listed.error());
        files = std::move(*listed);
    }
    // The copy is closed: its bytes to disk, its mode the live database's, then its name.
    struct stat live {};
    const mode_t mode = ::stat(ctx.paths.db.c_str(), &live) == 0 ? (live.st_mode & 0777) : 0600;
    const std::string path = folder + "/" + kDatabase;
    CUSTODY_TRY(sync_and_rename(part, path, mode));
    auto copied = hash_file(path);
    if (!copied) return fail(copied.error());
    taken.add(kDatabase, *copied);
    auto anchored = hash_file(anchor);
    if (!anchored) return fail(anchored.error());
    taken.add(kAnchor, *anchored);
    return {};
}

Status copy_recording(const CliContext& ctx, const std::string& folder, const db::SnapshotRecording& r,
                      const Earlier& earlier, Taken& taken) {
    const std::string source = ctx.archive_root + "/" + r.archive_path;
    const std::string in_backup = std::string(kArchive) + "/" + r.archive_path;
    const std::string target = folder + "/" + in_backup;
    struct stat st {};
    if (::stat(source.c_str(), &st) != 0) {
        if (errno != ENOENT) return fail(Error(MessageId::FileUnreadable, {source, archive::errno_text(errno)}));
        taken.problems.emplace_back(MessageId::ArchiveFileMissing, std::vector<std::string>{r.archive_path});
        return {};
    }
    if (int e = archive::make_dirs(folder + "/" + kArchive, dirname_of(r.archive_path)))
        return fail(target_unwritable(target, e));
    std::optional<CopiedFile> got;
    auto before = earlier.sha_of.find(in_backup);
    if (before != earlier.sha_of.end() && before->second == r.sha256 &&
        link_durably(earlier.folder + "/" + in_backup, target)) {
        // Trusted only once read back: an earlier backup damaged since is copied afresh.
        auto h = hash_file(target);
        if (h && h->sha256 == r.sha256) {
            got = *h;
            ++taken.linked;
            taken.linked_from = earlier.folder;
        } else {
            ::unlink(target.c_str());
        }
    }
    if (!got) {
        auto copied = copy_durably(source, target, st.st_mode & 0777);
        if (!copied) return fail(copied.error());
        got = *copied;
    }
    if (got->sha256 != r.sha256)
        taken.problems.emplace_back(MessageId::ArchiveHashMismatch, std::vector<std::string>{r.archive_path, r.sha256, got->sha256});
    taken.add(in_backup, *got);
    return {};
}

Status copy_archive(const CliContext& ctx, const std::string& folder, const db::SnapshotFiles& files,
                    const Earlier& earlier, Taken& taken) {
    const std::string root = folder + "/" + kArchive;
    if (::mkdir(root.c_str(), 0755) != 0) return fail(target_unwritable(root, errno));
    CUSTODY_TRY(fsync_folder(folder));
    for (const auto& r : files.recordings) CUSTODY_TRY(copy_recording(ctx, folder, r, earlier, taken));
    // Each job's SHA256SUMS as it is now: a purge rewrites it, so it is always copied.
    for (const auto& job : files.jobs) {
        const std::string relative = job.archive_dir + "/SHA256SUMS";
        const std::string source = ctx.archive_root + "/" + relative;
        struct stat st {};
        if (::stat(source.c_str(), &st) != 0) {
            // Not written yet is expected while the job's copies are only verified.
            if (job.manifest_expected)
                taken.problems.emplace_back(MessageId::ArchiveFileMissing, std::vector<std::string>{relative});
            continue;
        }
        if (int e = archive::make_dirs(root, job.archive_dir)) return fail(target_unwritable(root + "/" + relative, e));
        auto copied = copy_durably(source, root + "/" + relative, st.st_mode & 0777);
        if (!copied) return fail(copied.error());
        taken.add(std::string(kArchive) + "/" + relative, *copied);
    }
    return {};
}

Status take_backup(const CliContext& ctx, const std::string& folder, const db::KioskKey& key,
                   const db::HeadAnchor& floor, const Earlier& earlier, Taken& taken) {
    db::SnapshotFiles files;
    CUSTODY_TRY(copy_database(ctx, folder, key, floor, taken, files));
    auto k = copy_durably(ctx.paths.key, folder + "/" + kKey, 0600);
    if (!k) return fail(k.error());
    taken.add(kKey, *k);
    CUSTODY_TRY(copy_archive(ctx, folder, files, earlier, taken));
    // The anchor's rename and every file's name are on disk before the MANIFEST says so.
    CUSTODY_TRY(fsync_folder(folder));
    return write_manifest(folder, taken.entries);
}

}  // namespace

int cmd_backup(CliContext& ctx, const std::vector<std::string>& words) {
    auto a = parse_args(words, {"to"}, {});
    if (!a) return ctx.report(a.error());
    if (!a->get("to") || !a->positional.empty()) return ctx.report(usage("backup --to DIR"));
    std::string dir = *a->get("to");
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    if (auto s = check_target(dir); !s) return ctx.report(s.error());
    if (::access(ctx.paths.db.c_str(), F_OK) != 0) return ctx.report(Error(MessageId::DatabaseMissing, {ctx.paths.db}));
    auto key = db::load_kiosk_key(ctx.paths.key);
    if (!key) return ctx.report(key.error());
    const std::string live_anchor = db::anchor_path_for(ctx.paths.db);
    auto floor = db::read_anchor(live_anchor, *key);
    if (!floor) return ctx.report(Error(MessageId::AuditAnchorMissing, {live_anchor}));

    auto folder = make_folder(dir, ctx.clock.now());
    if (!folder) return ctx.report(folder.error());
    Taken taken;
    auto done = take_backup(ctx, *folder, *key, *floor, newest_complete_backup(dir, *folder), taken);
    if (!done) {
        int code = ctx.report(done.error());
        std::error_code ec;
        fs::remove_all(*folder, ec);
        if (ec) ctx.err << ctx.text(MessageId::BackupLeftIncomplete, {*folder, ec.message()}) << '\n';
        else ctx.err << ctx.text(MessageId::BackupRemoved, {*folder}) << '\n';
        return code;
    }
    for (const auto& p : taken.problems) ctx.err << render(p, ctx.lang) << '\n';
    ctx.out << ctx.text(MessageId::BackupDone, {*folder, std::to_string(taken.entries.size() + 1),
                                                std::to_string(taken.bytes), std::to_string(taken.head_seq)})
            << '\n';
    if (taken.linked > 0)
        ctx.out << ctx.text(MessageId::BackupLinked, {std::to_string(taken.linked), taken.linked_from}) << '\n';
    if (!taken.problems.empty()) {
        ctx.err << ctx.text(MessageId::BackupArchiveProblems, {std::to_string(taken.problems.size())}) << '\n';
        return kExitTampered;
    }
    return kExitOk;
}

}  // namespace custody::cli
