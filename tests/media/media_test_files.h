#pragma once
// Files the media tests make beyond SimulatedCamera's, and how they compare probes.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/core/recording.h"
#include "tests/support/run_command.h"

namespace custody::media::test {

inline void make_with_ffmpeg(const std::vector<std::string>& args, const std::filesystem::path& out) {
    std::vector<std::string> argv = {"ffmpeg", "-hide_banner", "-loglevel", "error", "-y"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back(out.string());
    auto r = custody::test::run_command(argv);
    ASSERT_EQ(r.exit_code, 0) << r.err;
}

inline void run_exiftool(const std::vector<std::string>& args, const std::filesystem::path& file) {
    std::vector<std::string> argv = {"exiftool", "-q", "-overwrite_original"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back(file.string());
    auto r = custody::test::run_command(argv);
    ASSERT_EQ(r.exit_code, 0) << r.err;
}

inline std::string describe(const MediaInfo& m) {
    std::string s = std::string(named(kMediaKinds, m.kind).code) + " " + m.container + " " + m.codec + " " +
                    std::to_string(m.width) + "x" + std::to_string(m.height);
    s += " duration=" + (m.duration_ms ? std::to_string(*m.duration_ms) : std::string("none"));
    s += " start=" + (m.started_at ? std::to_string(m.started_at->ms) : std::string("none"));
    return s;
}

}  // namespace custody::media::test
