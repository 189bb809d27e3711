#pragma once
// The offload end to end in one process: the real SQLite store, simulated cameras in
// slots 1-3 through the real GA/T 947.4 adapter, the real disk archive in a temporary
// folder and the real media library.

#include <memory>
#include <string>

#include "kiosk/archive/disk_archive.h"
#include "kiosk/core/footage_offload.h"
#include "kiosk/media/file_media_probe.h"
#include "tests/support/run_command.h"
#include "tests/hardware/dock/dock_fixture.h"

namespace custody::test {

class OffloadFixture : public DockFixture {
protected:
    void SetUp() override;

    // 张伟 takes the camera in slot 1 and docks it again; returns the return's entry id.
    Id shift_on_slot_1(Timestamp out, Timestamp back);
    OffloadRequest request(int slot, std::optional<Id> return_entry = std::nullopt);
    Result<OffloadOutcome> offload(int slot, const OffloadRequest& r, const OffloadProgressFn& progress = {});
    Result<OffloadOutcome> offload(int slot) { return offload(slot, request(slot)); }

    std::vector<Recording> recordings();  // every row, in id order
    std::vector<OffloadJob> jobs();
    // Files on the camera's volume, relative paths, sorted.
    std::vector<std::string> on_camera(int slot);
    // Files under the archive root (relative), sorted; SHA256SUMS included.
    std::vector<std::string> in_archive();
    static std::string sha256_of(const std::filesystem::path& p);  // by coreutils' sha256sum

    TempDir archive_dir_;
    std::string archive_root_;
    std::unique_ptr<archive::DiskArchive> archive_;
    std::unique_ptr<media::FileMediaProbe> probe_;
    std::unique_ptr<FootageOffload> offload_;
};

// A file of `bytes` pseudo-random bytes (seeded, so a test is repeatable).
void write_noise(const std::filesystem::path& p, std::size_t bytes, unsigned seed);

}  // namespace custody::test
