#include "kiosk/ui/demo_recordings.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "kiosk/cli/demo_media.h"
#include "kiosk/core/agency_time.h"

namespace custody::ui {

namespace {

namespace fs = std::filesystem;

cli::CameraWallClock wall_clock(Timestamp t) {
    const std::string local = format_local(t);  // "2026-11-22 08:30:05"
    return {local.substr(0, 10), local.substr(11, 8)};
}

std::string file_name(const cli::CameraWallClock& c, int number, const char* ext) {
    std::string d = c.date, t = c.time;
    std::erase(d, '-');
    std::erase(t, ':');
    char n[8];
    std::snprintf(n, sizeof n, "%04d", number);
    return d + "_" + t + "_" + n + ext;
}

Status write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return fail(Error(MessageId::FileUnwritable, {path.string(), std::strerror(errno)}));
    return {};
}

}  // namespace

Result<int> record_shift(const std::string& volume, const std::string& serial, Timestamp from, Timestamp to,
                         std::uint32_t seed) {
    const fs::path dir = fs::path(volume) / "DCIM" / "100MEDIA";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return fail(Error(MessageId::FileUnwritable, {dir.string(), ec.message()}));
    if (to.ms <= from.ms) to.ms = from.ms + 60 * kMsPerSecond;
    constexpr int kFiles = 3;
    const std::int64_t step = (to.ms - from.ms) / (kFiles + 1);
    for (int i = 0; i < kFiles; ++i) {
        const Timestamp at{from.ms + step * (i + 1)};
        const auto clock = wall_clock(at);
        const bool photo = i == 1;
        const std::string bytes =
            photo ? cli::make_jpeg(cli::DemoPhoto{clock, "SIM-DSJ1", seed + static_cast<std::uint32_t>(i)})
                  : cli::make_wav(cli::DemoAudio{clock, 4, serial, seed + static_cast<std::uint32_t>(i)});
        CUSTODY_TRY(write_file(dir / file_name(clock, static_cast<int>(seed % 9000) + i + 1, photo ? ".JPG" : ".WAV"),
                               bytes));
    }
    return kFiles;
}

}  // namespace custody::ui
