#include "kiosk/archive/iso_image.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

#include "kiosk/archive/hashing_copy.h"
#include "kiosk/archive/posix_errors.h"
#include "kiosk/archive/unique_fd.h"

extern char** environ;

namespace custody::archive {
namespace {

constexpr std::size_t kMaxStderrBytes = 64 * 1024;

Error unreadable(const std::string& path, int e) { return Error(MessageId::FileUnreadable, {path, errno_text(e)}); }

// xorriso narrates everything on standard error; its FAILURE and SORRY lines say what
// went wrong, otherwise its last line does.
std::string complaint(const std::string& err) {
    std::string found, last;
    std::size_t start = 0;
    while (start < err.size()) {
        std::size_t nl = err.find('\n', start);
        if (nl == std::string::npos) nl = err.size();
        std::string line = err.substr(start, nl - start);
        start = nl + 1;
        if (line.empty()) continue;
        last = line;
        if (line.find("FAILURE") != std::string::npos || line.find("SORRY") != std::string::npos ||
            line.find("FATAL") != std::string::npos)
            found += (found.empty() ? "" : "; ") + line;
    }
    return found.empty() ? last : found;
}

}  // namespace

Result<std::string> XorrisoEvidenceMedia::sha256_of(const std::string& path) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (!fd) return fail(unreadable(path, errno));
    // Written pages are dirty until flushed and cannot be dropped: flush, so the hash
    // below is of what the disk gives back.
    if (::fsync(fd.get()) != 0) return fail(unreadable(path, errno));
    (void)posix_fadvise(fd.get(), 0, 0, POSIX_FADV_DONTNEED);
    FileDigest d = digest_file(fd.get());
    if (d.read_errno != 0) return fail(unreadable(path, d.read_errno));
    (void)posix_fadvise(fd.get(), 0, 0, POSIX_FADV_DONTNEED);
    return d.sha256;
}

Status XorrisoEvidenceMedia::make_iso(const std::string& folder, const std::string& volume_label,
                                      const std::string& iso_path) {
    auto failed = [&](const std::string& reason, const std::string& detail) {
        return fail(Error(MessageId::IsoImageFailed, {iso_path, reason}, detail));
    };
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return failed(errno_text(errno), "pipe2");
    UniqueFd read_end(pipe_fds[0]), write_end(pipe_fds[1]);

    std::vector<std::string> args = {program_, "-as", "mkisofs", "-input-charset", "UTF-8", "-J", "-R",
                                     "-V", volume_label, "-o", iso_path, folder};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, write_end.get(), STDERR_FILENO);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, program_.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return failed(program_ + ": " + errno_text(rc) + (rc == ENOENT ? " (apt-get install xorriso)" : ""),
                      "posix_spawnp " + program_);
    write_end.reset();

    std::string err;
    char buf[4096];
    while (true) {
        ssize_t n = ::read(read_end.get(), buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        // Keep reading past the limit, or a chatty xorriso would block on a full pipe.
        if (err.size() < kMaxStderrBytes) err.append(buf, static_cast<std::size_t>(n));
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return failed(errno_text(errno), "waitpid");
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
    std::string how = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                        : "signal " + std::to_string(WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    std::string said = complaint(err);
    return failed(said.empty() ? program_ + " " + how : said, program_ + " " + how + ": " + err);
}

}  // namespace custody::archive
