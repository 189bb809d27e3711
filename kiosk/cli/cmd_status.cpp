// custodyctl status: one line per thing a kiosk needs to keep working, each OK or needing
// attention, for a person at a terminal or a monitoring check reading the exit code.
// Cheap by design: the audit chain head is compared with its anchor (not walked, that is
// `verify`), the badge reader is looked for but never read (the kiosk may hold it), the
// cabinet board is asked for its identity once.
#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "db/chain_head.h"
#include "hardware/nfc/nfc_readers.h"
#include "kiosk/cli/commands.h"
#include "kiosk/cli/hw_options.h"
#include "kiosk/core/overdue.h"

namespace custody::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kDefaultMinFreeMb = 2048;

struct Line {
    bool ok = true;
    std::string text;
};

struct Report {
    std::vector<Line> lines;
    void add(bool ok, std::string text) { lines.push_back({ok, std::move(text)}); }
    int attention() const {
        int n = 0;
        for (const auto& l : lines) n += l.ok ? 0 : 1;
        return n;
    }
};

// "pn532_uart:/dev/ttyUSB0:115200" -> "/dev/ttyUSB0"; empty for a connstring naming no
// device file (acr122_usb, pn53x_usb: found by a USB scan).
std::string device_file_of(const std::string& connstring) {
    auto colon = connstring.find(':');
    if (colon == std::string::npos || colon + 1 >= connstring.size() || connstring[colon + 1] != '/') return "";
    auto end = connstring.find(':', colon + 1);
    return connstring.substr(colon + 1, end == std::string::npos ? std::string::npos : end - colon - 1);
}

// Present and openable, never read: a running kiosk owns the reader, and a second reader
// of a serial line or an evdev node would take taps away from it.
void reader_line(const CliContext& ctx, const config::HardwareConfig& c, bool require, Report& r) {
    const bool wedge = c.reader == config::ReaderKind::Wedge;
    const std::string name = wedge ? c.wedge.device : c.pn532.connstring;
    if (name.empty()) {
        r.add(!require, ctx.text(MessageId::StatusReaderNotConfigured, {c.source}));
        return;
    }
    if (wedge) {
        int fd = ::open(name.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) {
            r.add(false, ctx.text(MessageId::StatusReaderAbsent, {name, std::strerror(errno)}));
            return;
        }
        ::close(fd);
        r.add(true, ctx.text(MessageId::StatusReaderPresent, {name}));
        return;
    }
    const std::string file = device_file_of(name);
    if (!file.empty()) {
        if (::access(file.c_str(), R_OK | W_OK) != 0) r.add(false, ctx.text(MessageId::StatusReaderAbsent, {name, std::strerror(errno)}));
        else r.add(true, ctx.text(MessageId::StatusReaderPresent, {name}));
        return;
    }
    auto listed = nfc::list_nfc_readers();
    if (!listed) {
        r.add(false, ctx.text(MessageId::StatusReaderAbsent, {name, render(listed.error(), ctx.lang)}));
        return;
    }
    for (const auto& found : *listed)
        if (found.rfind(name, 0) == 0) {
            r.add(true, ctx.text(MessageId::StatusReaderPresent, {name}));
            return;
        }
    r.add(false, ctx.text(MessageId::StatusReaderAbsent, {name, "libnfc"}));
}

void cabinet_line(const CliContext& ctx, const config::HardwareConfig& c, bool require, Report& r) {
    if (!c.cabinet) {
        r.add(!require, ctx.text(MessageId::StatusCabinetNotConfigured, {c.source}));
        return;
    }
    ModbusCabinetController board(*c.cabinet);
    auto id = board.identity();
    if (!id) {
        r.add(false, ctx.text(MessageId::StatusCabinetFailed, {c.cabinet->describe(), render(id.error(), ctx.lang)}));
        return;
    }
    r.add(true, ctx.text(MessageId::StatusCabinetOnline,
                         {c.cabinet->describe(), id->serial, id->firmware, std::to_string(id->slot_count)}));
}

// The file system the archive is on: the archive folder, or the nearest folder above it
// while it has not been made yet.
void disk_line(const CliContext& ctx, std::int64_t min_free_mb, Report& r) {
    fs::path at = fs::absolute(ctx.archive_root);
    std::error_code ec;
    while (!fs::exists(at, ec) && at.has_parent_path() && at.parent_path() != at) at = at.parent_path();
    struct statvfs v {};
    if (::statvfs(at.c_str(), &v) != 0) {
        r.add(false, ctx.text(MessageId::StatusDiskUnknown, {ctx.archive_root, std::strerror(errno)}));
        return;
    }
    const auto free_mb = static_cast<std::int64_t>(v.f_bavail) * static_cast<std::int64_t>(v.f_frsize) / (1 << 20);
    const auto total_mb = static_cast<std::int64_t>(v.f_blocks) * static_cast<std::int64_t>(v.f_frsize) / (1 << 20);
    const std::string pct = std::to_string(total_mb > 0 ? free_mb * 100 / total_mb : 0);
    const bool ok = free_mb >= min_free_mb;
    r.add(ok, ctx.text(ok ? MessageId::StatusDiskFree : MessageId::StatusDiskLow,
                       {ctx.archive_root, std::to_string(free_mb), pct, std::to_string(min_free_mb)}));
}

// The database, its chain head against the anchor, stopped offloads and overdue devices.
// false when the database cannot be opened (exit 4).
bool database_lines(const CliContext& ctx, Report& r) {
    auto store = ctx.open_store();
    if (!store) {
        r.add(false, ctx.text(MessageId::StatusDatabaseProblem, {ctx.paths.db, render(store.error(), ctx.lang)}));
        return false;
    }
    auto head = db::check_head_against_anchor((*store)->connection(), (*store)->key(), db::anchor_path_for(ctx.paths.db));
    if (!head) r.add(false, ctx.text(MessageId::StatusDatabaseProblem, {ctx.paths.db, render(head.error(), ctx.lang)}));
    else if (head->problem)
        r.add(false, ctx.text(MessageId::StatusDatabaseProblem,
                              {ctx.paths.db, render(*head->problem, ctx.lang) + " — " + ctx.text(MessageId::StatusRunVerify)}));
    else
        r.add(true, ctx.text(MessageId::StatusDatabaseOk,
                             {ctx.paths.db, std::to_string(head->head.seq), std::to_string(head->anchor->seq)}));

    {
        auto tx = (*store)->begin();
        auto jobs = tx ? (*tx)->unfinished_jobs() : Result<std::vector<OffloadJob>>(fail(tx.error()));
        if (!jobs) {
            r.add(false, ctx.text(MessageId::StatusDatabaseProblem, {ctx.paths.db, render(jobs.error(), ctx.lang)}));
        } else {
            int running = 0, stopped = 0;
            std::string which;
            for (const auto& j : *jobs) {
                if (j.state != OffloadJobState::Failed) {
                    ++running;
                    continue;
                }
                ++stopped;
                if (!which.empty()) which += "; ";
                which += ctx.pick("任务 ", "job ") + std::to_string(j.id) + " " + j.device_serial +
                         ctx.pick(" 柜位 ", " slot ") + std::to_string(j.slot) + ": " + (ctx.zh() ? j.failure_zh : j.failure_en);
            }
            if (stopped == 0) r.add(true, ctx.text(MessageId::StatusOffloadOk, {std::to_string(running)}));
            else r.add(false, ctx.text(MessageId::StatusOffloadStopped, {std::to_string(stopped), which}));
        }
    }
    auto overdue = find_overdue(**store, ctx.clock.now());
    if (!overdue) {
        r.add(false, ctx.text(MessageId::StatusDatabaseProblem, {ctx.paths.db, render(overdue.error(), ctx.lang)}));
    } else if (overdue->empty()) {
        r.add(true, ctx.text(MessageId::StatusOverdueNone));
    } else {
        std::string which;
        for (const auto& o : *overdue) {
            if (!which.empty()) which += ", ";
            which += o.device.serial + " " + (o.officer ? o.officer->name : std::string()) + " " +
                     std::to_string(o.hours_out) + " h";
        }
        r.add(false, ctx.text(MessageId::StatusOverdue, {std::to_string(overdue->size()), which}));
    }
    return true;
}

}  // namespace

int cmd_status(CliContext& ctx, const std::vector<std::string>& words) {
    std::set<std::string> valued = kHardwareOptions;
    valued.insert("min-free-mb");
    auto a = parse_args(words, valued, {"require-hardware"});
    if (!a) return ctx.report(a.error());
    if (!a->positional.empty()) return ctx.report(usage("status [--config kiosk.conf] [--min-free-mb MB] [--require-hardware]"));
    std::int64_t min_free_mb = kDefaultMinFreeMb;
    if (a->get("min-free-mb") && (!parse_number(a->get("min-free-mb"), min_free_mb) || min_free_mb < 0))
        return ctx.report(usage("--min-free-mb takes a number of megabytes"));
    const bool require = a->has("require-hardware");

    Report r;
    const bool opened = database_lines(ctx, r);
    auto hw = hardware_config(*a);
    if (!hw) {
        // A kiosk.conf that does not parse leaves both devices unknown: one line says why.
        r.add(false, render(hw.error(), ctx.lang));
    } else {
        reader_line(ctx, *hw, require, r);
        cabinet_line(ctx, *hw, require, r);
    }
    disk_line(ctx, min_free_mb, r);

    const char* ok_mark = ctx.pick("[正常]", "[OK]");
    const char* attention_mark = ctx.pick("[注意]", "[ATTENTION]");
    for (const auto& l : r.lines) ctx.out << (l.ok ? ok_mark : attention_mark) << ' ' << l.text << '\n';
    const int n = r.attention();
    ctx.out << (n == 0 ? ctx.text(MessageId::StatusAllOk) : ctx.text(MessageId::StatusAttention, {std::to_string(n)}))
            << '\n';
    if (!opened) return kExitEnvironment;
    return n == 0 ? kExitOk : kExitAttention;
}

}  // namespace custody::cli
