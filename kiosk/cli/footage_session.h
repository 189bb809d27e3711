#pragma once
// What a command that moves footage needs: the archive, the media library, and the
// camera in a slot as kiosk.conf describes it.

#include <memory>
#include <optional>

#include "hardware/config/hardware_config.h"
#include "kiosk/archive/disk_archive.h"
#include "kiosk/cli/cli_context.h"
#include "kiosk/core/footage_offload.h"
#include "kiosk/media/file_media_probe.h"

namespace custody::cli {

struct FootageSession {
    std::unique_ptr<archive::DiskArchive> archive;
    std::unique_ptr<media::FileMediaProbe> probe;
};

// The archive at ctx.archive_root and a probe reading times in the agency's zone.
Result<FootageSession> open_footage(const CliContext& ctx, CustodyStore& store);

// Offloads the camera kiosk.conf places in `slot` and prints the job summary (or the
// reason it stopped). Returns the exit code.
int offload_slot(CliContext& ctx, CustodyStore& store, const config::HardwareConfig& hw, int slot,
                 std::optional<Id> return_entry);

}  // namespace custody::cli
