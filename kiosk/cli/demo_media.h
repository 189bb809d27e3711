#pragma once
// Small, valid media files for the demo's stand-in cameras, written byte by byte: the
// demo's install has no media library (installer/deps.sh), and the files must still be
// ones the kiosk's real media probe, ffprobe and exiftool read without complaint.
//
//   audio  a Broadcast Wave file (RIFF/WAVE, 8 kHz mono 8-bit PCM) whose bext chunk
//          states the origination date and time, as a recorder's own clock reads them
//   photo  a baseline JPEG (greyscale, 8x8-pixel blocks of flat tone, so no DCT is
//          needed) with an EXIF block stating DateTimeOriginal
//
// Times are wall-clock fields with no zone, the way cameras write them; the caller
// formats them in the zone the cameras are set to.

#include <cstdint>
#include <string>

namespace custody::cli {

struct CameraWallClock {
    std::string date;  // "2026-11-30"
    std::string time;  // "16:15:02"
};

struct DemoAudio {
    CameraWallClock started;
    int seconds = 3;
    std::string originator;  // bext Originator: the recorder, e.g. its serial
    std::uint32_t seed = 1;  // varies the ambient noise from one file to the next
};

// The whole file. 44 + 610 + the coding history + 8000 bytes a second.
std::string make_wav(const DemoAudio& a);

struct DemoPhoto {
    CameraWallClock taken;
    std::string model;  // EXIF Model (ASCII)
    std::uint32_t seed = 1;  // varies the picture
};

inline constexpr int kDemoPhotoWidth = 160;
inline constexpr int kDemoPhotoHeight = 120;

// The whole file, about a kilobyte.
std::string make_jpeg(const DemoPhoto& p);

}  // namespace custody::cli
