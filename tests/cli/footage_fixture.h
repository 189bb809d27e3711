#pragma once
// Archived footage made the way a kiosk makes it, for the retention and evidence tests:
// the small agency, 张伟 checks out a camera, a simulated camera (camera-sim, served by
// libgat947-sim.so) holds real media files made by ffmpeg, and `custodyctl return
// --config` offloads them into <dir>/archive beside the database.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "tests/cli/cli_helpers.h"

namespace custody::test {

class FootageTest : public ::testing::Test {
protected:
    std::string db() const { return dir_.file("custody.db"); }
    std::string archive() const { return dir_.file("archive"); }

    // `files` are paths on the camera's volume; the extension picks what ffmpeg makes
    // (.MP4 a one-second video, .WAV a one-second tone, .JPG a still). Afterwards every
    // one of them is a committed recording, ids 1.. in the order the offload listed them.
    ::testing::AssertionResult offload(const std::vector<std::string>& files);

    // The recording whose camera path ends with `name`.
    std::int64_t recording_id(const std::string& name);
    std::string archive_path(std::int64_t recording);  // absolute
    std::string job_folder(std::int64_t recording);    // absolute
    // Test setup, not product behaviour: moves the commit back in time with the sqlite3
    // shell so that a year's retention has run without waiting a year. The trigger that
    // fixes committed_at_ms is lifted for that one update and restored; the custody
    // ledger that verify checks is untouched.
    void backdate(std::int64_t recording, int days);

    // Every recordings row as text, to show that a refusal changed nothing.
    std::string recordings_snapshot();
    // The newest audit entry with `action`: "actor|subject|detail", empty when none.
    std::string last_audit(const std::string& action);

    CommandResult run(const std::vector<std::string>& args, const std::string& lang = "en") {
        return ctl(db(), args, lang);
    }

    std::string serial_;
    TempDir dir_;
};

// `sh -c SCRIPT`: for tools that read relative names from the current folder.
CommandResult shell(const std::string& script);
std::string quoted(const std::string& s);  // for a POSIX shell

}  // namespace custody::test
