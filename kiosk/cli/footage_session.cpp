#include "kiosk/cli/footage_session.h"

#include <iomanip>
#include <sstream>

#include "hardware/camera/gat947_camera_link.h"
#include "kiosk/core/agency_time.h"

namespace custody::cli {

namespace {

std::string megabytes(std::int64_t bytes) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(1) << static_cast<double>(bytes) / (1024.0 * 1024.0) << " MB";
    return s.str();
}

std::string minutes(std::int64_t ms) { return std::to_string((ms + 30000) / 60000); }

void print_summary(CliContext& ctx, const OffloadOutcome& o) {
    std::int64_t bytes = 0;
    for (const auto& r : o.recordings) bytes += r.bytes;
    ctx.out << ctx.pick("导出完成：", "Offloaded: ") << o.job.device_serial << ctx.pick("，导出任务 ", ", job ")
            << o.job.id << ctx.pick("，", ", ") << o.recordings.size() << ctx.pick(" 个文件，", " files, ")
            << megabytes(bytes) << ctx.pick("，已校验并清除设备", ", verified, camera wiped")
            << (o.resumed ? ctx.pick("（续传）", " (resumed)") : "") << '\n';
    ctx.out << ctx.pick("存档位置：", "Archive folder: ") << ctx.archive_root << '/' << o.job.archive_dir << '\n';
    for (const auto& r : o.recordings) {
        ctx.out << "  " << r.source_path << "  " << named(kMediaKinds, r.media.kind).zh << '/'
                << named(kMediaKinds, r.media.kind).en;
        if (r.media.duration_ms) ctx.out << "  " << (*r.media.duration_ms + 500) / 1000 << " s";
        if (r.corrected_start) ctx.out << "  " << format_local(*r.corrected_start);
        ctx.out << "  sha256 " << r.sha256.substr(0, 16) << "…\n";
    }
    if (o.coverage) {
        ctx.out << ctx.pick("录像覆盖：领用期间 ", "Coverage: ") << minutes(o.coverage->custody.ms())
                << ctx.pick(" 分钟中录像 ", " min in custody, ") << minutes(o.coverage->recorded_ms)
                << ctx.pick(" 分钟，最长未录像 ", " min recorded, longest gap ") << minutes(o.coverage->longest_gap_ms())
                << ctx.pick(" 分钟", " min") << '\n';
    }
}

}  // namespace

Result<FootageSession> open_footage(const CliContext& ctx, CustodyStore& store) {
    auto archive = archive::DiskArchive::open(ctx.archive_root);
    if (!archive) return fail(archive.error());
    auto begun = store.begin();
    if (!begun) return fail(begun.error());
    auto profile = (*begun)->profile();
    if (!profile) return fail(profile.error());
    return FootageSession{std::move(*archive), std::make_unique<media::FileMediaProbe>(profile->time_zone)};
}

int offload_slot(CliContext& ctx, CustodyStore& store, const config::HardwareConfig& hw, int slot,
                 std::optional<Id> return_entry) {
    auto session = open_footage(ctx, store);
    if (!session) return ctx.report(session.error());
    camera::Gat947CameraLink link(hw.cameras);
    auto camera = link.open(slot);
    if (!camera) return ctx.report(camera.error());
    FootageOffload offload(store, ctx.clock, *session->archive, *session->probe);
    OffloadRequest request;
    request.slot = slot;
    request.return_entry_id = return_entry;
    request.actor = "custodyctl";
    auto done = offload.run(**camera, request);
    if (!done) return ctx.report(done.error());
    print_summary(ctx, *done);
    if (done->job.interruption_record_needed && done->job.longest_gap_ms) {
        auto begun = store.begin();
        if (!begun) return ctx.report(begun.error());
        auto profile = (*begun)->profile();
        if (!profile) return ctx.report(profile.error());
        ctx.out << ctx.text(MessageId::InterruptionRecordNeeded,
                            {minutes(*done->job.longest_gap_ms), std::to_string(profile->coverage_gap_minutes)})
                << '\n'
                << "  custodyctl interruption add --job " << done->job.id
                << " --officer NUMBER --reason CODE --basis TEXT\n";
    }
    return kExitOk;
}

}  // namespace custody::cli
