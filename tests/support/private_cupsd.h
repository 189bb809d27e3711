#pragma once
// A CUPS scheduler of the test's own: `cupsd -f` with every file it uses (configuration,
// spool, state, logs, its socket) in a temporary directory, and queues whose device is a
// file there, so a test can print for real and read what the printer would have received.
// CUPS_SERVER points at its socket for this process (libcups, lpadmin and lpstat all
// honour it) until the fixture is destroyed. No cupsd outlives its fixture: the destructor
// stops it, and it is killed with the test process if that dies first (PR_SET_PDEATHSIG).
//
// Every step returns a testing::AssertionResult carrying the reason it failed; use them
// under ASSERT_TRUE. Needs root (cupsd) and the packages cups, cups-client, cups-filters.

#include <gtest/gtest.h>
#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/temp_dir.h"

namespace custody::test {

class PrivateCupsd {
public:
    PrivateCupsd() = default;
    ~PrivateCupsd();  // stops cupsd and puts CUPS_SERVER back
    PrivateCupsd(const PrivateCupsd&) = delete;
    PrivateCupsd& operator=(const PrivateCupsd&) = delete;

    // Writes cupsd.conf and cups-files.conf, starts cupsd and waits (up to 30 s) until
    // `lpstat -r` says the scheduler is running.
    testing::AssertionResult start();
    // Stops cupsd (SIGTERM, then SIGKILL after 10 s) and reaps it. CUPS_SERVER stays set,
    // so clients now find no scheduler there.
    testing::AssertionResult stop();
    bool running() const { return pid_ > 0; }

    // A queue printing through the Generic PDF driver to the file output_path(name).
    testing::AssertionResult add_queue(const std::string& name, const std::string& description = "");
    // A queue whose device lp may not open (a root-only file behind the parallel
    // backend): every job's backend fails at once. `error_policy` is CUPS's
    // printer-error-policy: "abort-job" aborts the job, "stop-printer" stops the printer.
    testing::AssertionResult add_failing_queue(const std::string& name, const std::string& error_policy);
    // Jobs sent to the queue from now on are held and never print by themselves.
    testing::AssertionResult hold_new_jobs(const std::string& name);
    testing::AssertionResult set_default(const std::string& name);      // lpadmin -d
    testing::AssertionResult disable(const std::string& name, const std::string& reason);  // cupsdisable -r
    testing::AssertionResult reject(const std::string& name, const std::string& reason);   // cupsreject -r
    testing::AssertionResult cancel_job(int job_id);                    // cancel

    // Runs a CUPS client program against this scheduler.
    testing::AssertionResult run(const std::vector<std::string>& argv, std::string* out = nullptr);

    // What the printer `name` received (its file: device).
    std::string output_path(const std::string& name) const;
    std::string read_output(const std::string& name) const;
    std::string socket_path() const;
    std::string error_log() const;  // the scheduler's log, for failure messages
    const std::filesystem::path& dir() const { return dir_.path(); }

private:
    testing::AssertionResult write_config();
    testing::AssertionResult wait_until_running();
    testing::AssertionResult failed(const std::string& what) const;

    TempDir dir_;
    pid_t pid_ = -1;
    // The client variables as they were before start(), put back by the destructor.
    std::vector<std::pair<std::string, std::optional<std::string>>> saved_env_;
};

}  // namespace custody::test
