#include "tests/support/private_cupsd.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "tests/support/run_command.h"

namespace custody::test {

namespace {

// The driver whose jobs reach a file: device as the PDF itself (inside a PJL envelope).
constexpr const char* kPdfDriver = "lsb/usr/cupsfilters/Generic-PDF_Printer-PDF.ppd";

// The environment variables the fixture sets or clears, restored when it ends. LPDEST and
// PRINTER would otherwise choose the default queue instead of the scheduler.
constexpr const char* kClientVariables[] = {"CUPS_SERVER", "LPDEST", "PRINTER"};

// cupsd and its admin tools live in sbin, which a test's PATH may lack.
std::string tool(const std::string& name) {
    if (name.find('/') != std::string::npos) return name;
    for (const char* dir : {"/usr/sbin/", "/usr/bin/", "/sbin/", "/bin/"}) {
        const std::string path = std::string(dir) + name;
        if (access(path.c_str(), X_OK) == 0) return path;
    }
    return name;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string tail(const std::string& text, std::size_t n) { return text.size() <= n ? text : "..." + text.substr(text.size() - n); }

bool write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    return static_cast<bool>(out);
}

}  // namespace

PrivateCupsd::~PrivateCupsd() {
    if (running()) (void)stop();
    for (const auto& [name, value] : saved_env_) {
        if (value) setenv(name.c_str(), value->c_str(), 1);
        else unsetenv(name.c_str());
    }
}

testing::AssertionResult PrivateCupsd::failed(const std::string& what) const {
    return testing::AssertionFailure() << what << "\n--- " << (dir_.path() / "log/error_log").string()
                                       << " (end) ---\n" << tail(error_log(), 3000) << "\n--- cupsd output ---\n"
                                       << tail(read_file(dir_.path() / "cupsd.out"), 2000);
}

std::string PrivateCupsd::socket_path() const { return (dir_.path() / "cups.sock").string(); }
std::string PrivateCupsd::output_path(const std::string& name) const { return (dir_.path() / (name + ".out")).string(); }
std::string PrivateCupsd::read_output(const std::string& name) const { return read_file(output_path(name)); }
std::string PrivateCupsd::error_log() const { return read_file(dir_.path() / "log/error_log"); }

testing::AssertionResult PrivateCupsd::write_config() {
    const auto& d = dir_.path();
    // The scheduler runs its filters and backends as lp: they must reach the directory.
    if (chmod(d.c_str(), 0755) != 0) return testing::AssertionFailure() << "chmod " << d << ": " << std::strerror(errno);
    for (auto p = d.parent_path(); !p.empty(); p = p.parent_path()) {
        struct stat st {};
        if (stat(p.c_str(), &st) != 0 || !(st.st_mode & S_IXOTH))
            return testing::AssertionFailure() << p << " is not traversable by the user lp (mode "
                                               << std::oct << (st.st_mode & 07777)
                                               << "): set TMPDIR to a directory under one that is";
        if (p == p.root_path()) break;
    }
    if (socket_path().size() >= sizeof(sockaddr_un::sun_path))
        return testing::AssertionFailure() << "the socket path " << socket_path() << " is longer than "
                                           << sizeof(sockaddr_un::sun_path) - 1 << " bytes: set TMPDIR shorter";
    for (const char* sub : {"cache", "spool", "state", "tmp", "log", "ppd"}) {
        std::error_code ec;
        std::filesystem::create_directories(d / sub, ec);
        if (ec) return testing::AssertionFailure() << "mkdir " << (d / sub) << ": " << ec.message();
    }
    const std::string dir = d.string();
    const std::string cupsd_conf = "# A private scheduler for one test: its socket only, no network, no sharing.\n"
                                   "Listen " + socket_path() + "\n"
                                   "LogLevel info\n"
                                   "MaxLogSize 0\n"
                                   "WebInterface No\n"
                                   "Browsing No\n"
                                   "DefaultShared No\n"
                                   "DefaultAuthType None\n"
                                   "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                                   "<Policy default>\n"
                                   "  JobPrivateAccess all\n  JobPrivateValues none\n"
                                   "  SubscriptionPrivateAccess all\n  SubscriptionPrivateValues none\n"
                                   "  <Limit All>\n    Order deny,allow\n  </Limit>\n"
                                   "</Policy>\n";
    const std::string files_conf = "ServerRoot " + dir + "\n"
                                   "StateDir " + dir + "/state\n"
                                   "CacheDir " + dir + "/cache\n"
                                   "RequestRoot " + dir + "/spool\n"
                                   "TempDir " + dir + "/tmp\n"
                                   "AccessLog " + dir + "/log/access_log\n"
                                   "ErrorLog " + dir + "/log/error_log\n"
                                   "PageLog " + dir + "/log/page_log\n"
                                   "FileDevice Yes\n"
                                   "User lp\n"
                                   "Group lp\n";
    if (!write_file(d / "cupsd.conf", cupsd_conf) || !write_file(d / "cups-files.conf", files_conf))
        return testing::AssertionFailure() << "cannot write the configuration in " << d;
    return testing::AssertionSuccess();
}

testing::AssertionResult PrivateCupsd::start() {
    if (running()) return testing::AssertionFailure() << "cupsd is already running (pid " << pid_ << ")";
    if (geteuid() != 0) return testing::AssertionFailure() << "a private cupsd needs root (it runs its filters as lp)";
    if (auto w = write_config(); !w) return w;

    const std::string cupsd = tool("cupsd");
    if (access(cupsd.c_str(), X_OK) != 0)
        return testing::AssertionFailure() << "no cupsd to start: install the packages cups, cups-client and cups-filters";
    const std::string conf = (dir_.path() / "cupsd.conf").string();
    const std::string files = (dir_.path() / "cups-files.conf").string();
    const std::string out = (dir_.path() / "cupsd.out").string();
    // Everything the child needs is made before fork: after it, only exec-safe calls.
    const char* argv[] = {cupsd.c_str(), "-f", "-c", conf.c_str(), "-s", files.c_str(), nullptr};
    const int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    const int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (out_fd < 0 || null_fd < 0) {
        const int e = errno;
        if (out_fd >= 0) close(out_fd);
        if (null_fd >= 0) close(null_fd);
        return testing::AssertionFailure() << "cannot open " << out << " or /dev/null: " << std::strerror(e);
    }
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid == 0) {
        // Dies with the test process, whatever kills it.
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent) _exit(127);
        dup2(null_fd, 0);
        dup2(out_fd, 1);
        dup2(out_fd, 2);
        execv(argv[0], const_cast<char* const*>(argv));
        _exit(127);
    }
    const int fork_errno = errno;
    close(out_fd);
    close(null_fd);
    if (pid < 0) return testing::AssertionFailure() << "fork: " << std::strerror(fork_errno);
    pid_ = pid;

    if (saved_env_.empty()) {
        for (const char* name : kClientVariables) {
            const char* v = std::getenv(name);
            saved_env_.emplace_back(name, v ? std::optional<std::string>(v) : std::nullopt);
        }
    }
    setenv("CUPS_SERVER", socket_path().c_str(), 1);
    unsetenv("LPDEST");
    unsetenv("PRINTER");
    return wait_until_running();
}

testing::AssertionResult PrivateCupsd::wait_until_running() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    std::string last;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return failed(std::string("cupsd ended at start (") +
                          (WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status))
                                             : "signal " + std::to_string(WTERMSIG(status))) +
                          ")");
        }
        auto r = run_command({tool("lpstat"), "-r"}, {{"CUPS_SERVER", socket_path()}, {"LC_ALL", "C.UTF-8"}});
        last = r.out + r.err;
        if (r.exit_code == 0 && r.out.find("scheduler is running") != std::string::npos) return testing::AssertionSuccess();
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return failed("cupsd did not start within 30 s; lpstat -r said: " + last);
}

testing::AssertionResult PrivateCupsd::stop() {
    if (!running()) return testing::AssertionFailure() << "cupsd is not running";
    kill(pid_, SIGTERM);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
        const pid_t r = waitpid(pid_, &status, WNOHANG);
        if (r == pid_ || (r < 0 && errno != EINTR)) break;
        if (std::chrono::steady_clock::now() >= deadline) {
            kill(pid_, SIGKILL);
            while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
            }
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    pid_ = -1;
    return testing::AssertionSuccess();
}

testing::AssertionResult PrivateCupsd::run(const std::vector<std::string>& argv, std::string* out) {
    std::vector<std::string> resolved = argv;
    resolved.front() = tool(resolved.front());
    auto r = run_command(resolved, {{"CUPS_SERVER", socket_path()}, {"LC_ALL", "C.UTF-8"}});
    if (out) *out = r.out;
    if (r.exit_code == 0) return testing::AssertionSuccess();
    std::string line;
    for (const auto& a : argv) line += (line.empty() ? "" : " ") + a;
    return failed(line + " exited with " + std::to_string(r.exit_code) + ": " + r.err + r.out);
}

testing::AssertionResult PrivateCupsd::add_queue(const std::string& name, const std::string& description) {
    // This scheduler opens a file: device only if the file exists.
    if (!write_file(output_path(name), "")) return testing::AssertionFailure() << "cannot create " << output_path(name);
    std::vector<std::string> argv = {"lpadmin", "-p", name, "-E", "-v", "file://" + output_path(name), "-m", kPdfDriver};
    if (!description.empty()) argv.insert(argv.end(), {"-D", description});
    auto r = run(argv);
    if (!r) {
        std::string drivers;
        (void)run({"lpinfo", "-m"}, &drivers);
        return r << "\n--- lpinfo -m (PDF drivers) ---\n" << [&] {
            std::istringstream in(drivers);
            std::string line, pdf;
            while (std::getline(in, line))
                if (line.find("PDF") != std::string::npos) pdf += line + "\n";
            return pdf.empty() ? std::string("(none: is cups-filters installed?)") : pdf;
        }();
    }
    return r;
}

testing::AssertionResult PrivateCupsd::add_failing_queue(const std::string& name, const std::string& error_policy) {
    const std::string device = (dir_.path() / (name + ".denied")).string();
    if (!write_file(device, "") || chmod(device.c_str(), 0600) != 0)
        return testing::AssertionFailure() << "cannot create " << device;
    return run({"lpadmin", "-p", name, "-E", "-v", "parallel:" + device, "-m", kPdfDriver, "-o",
                "printer-error-policy=" + error_policy});
}

testing::AssertionResult PrivateCupsd::hold_new_jobs(const std::string& name) {
    return run({"lpadmin", "-p", name, "-o", "job-hold-until-default=indefinite"});
}

testing::AssertionResult PrivateCupsd::set_default(const std::string& name) { return run({"lpadmin", "-d", name}); }

testing::AssertionResult PrivateCupsd::disable(const std::string& name, const std::string& reason) {
    return run({"cupsdisable", "-r", reason, name});
}

testing::AssertionResult PrivateCupsd::reject(const std::string& name, const std::string& reason) {
    return run({"cupsreject", "-r", reason, name});
}

testing::AssertionResult PrivateCupsd::cancel_job(int job_id) { return run({"cancel", std::to_string(job_id)}); }

}  // namespace custody::test
