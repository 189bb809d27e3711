#include "kiosk/core/footage_offload.h"

#include <algorithm>
#include <map>
#include <set>

#include "kiosk/core/archive_layout.h"
#include "kiosk/core/log.h"
#include "kiosk/core/refusal.h"

namespace custody {

namespace {

constexpr std::int64_t kMiB = 1024 * 1024;
// New files listed after the wipe are offloaded in another round; a camera that keeps
// producing them is not left in service.
constexpr int kMaxRounds = 3;

std::string mb_needed(std::int64_t bytes) { return std::to_string(std::max<std::int64_t>(1, (bytes + kMiB - 1) / kMiB)); }

// One run of one job: the steps in order, each recorded before the next begins.
class OffloadRun {
public:
    OffloadRun(CustodyStore& store, const Clock& clock, FootageArchive& archive, MediaProbe& probe,
               DockedCamera& camera, const OffloadRequest& request, const OffloadProgressFn& progress)
        : store_(store),
          clock_(clock),
          archive_(archive),
          probe_(probe),
          camera_(camera),
          request_(request),
          progress_(progress) {}

    Result<OffloadOutcome> run() {
        auto identity = camera_.identify();
        if (!identity) return fail(identity.error());
        CUSTODY_TRY(open_job(identity->serial));
        auto done = offload();
        if (!done) return fail(record_failure(done.error()));
        return finish();
    }

private:
    template <class F>
    Status in_tx(F&& steps) {
        auto begun = store_.begin();
        if (!begun) return fail(begun.error());
        CUSTODY_TRY(steps(**begun));
        return (*begun)->commit();
    }

    AuditNote note(const std::string& action, const std::string& detail) const {
        return {request_.actor, action, job_.device_serial, "job=" + std::to_string(job_.id) + "; " + detail};
    }

    Status open_job(const std::string& serial) {
        std::optional<Error> refused;
        auto opened = in_tx([&](StoreTx& tx) -> Status {
            auto dev = tx.device_by_serial(serial);
            if (!dev) return fail(dev.error());
            // A camera quarantined at return still has footage that must come off (R14).
            if (!*dev || ((*dev)->status != DeviceStatus::Docked && (*dev)->status != DeviceStatus::Quarantined)) {
                refused = !*dev ? Error(MessageId::DeviceUnknown, {serial})
                                : Error(MessageId::DeviceNotDocked,
                                        {serial, std::string(named(kDeviceStatuses, (*dev)->status).zh)});
                return fail(*refused);
            }
            device_ = **dev;
            auto open = tx.unfinished_job_of(device_.id);
            if (!open) return fail(open.error());
            if (*open) {
                job_ = **open;
                outcome_.resumed = true;
                job_.attempts += 1;
                job_.state = OffloadJobState::Running;
                job_.slot = request_.slot;
                return tx.update_offload_job(job_, note("offload_resumed", "attempt=" + std::to_string(job_.attempts)));
            }
            return start_job(tx);
        });
        if (!opened && refused)
            return fail(refuse(store_, *refused, request_.actor, "offload_refused", serial));
        return opened;
    }

    Status start_job(StoreTx& tx) {
        job_ = OffloadJob{};
        job_.device_id = device_.id;
        job_.device_serial = device_.serial;
        job_.slot = request_.slot;
        job_.started_at = clock_.now();
        job_.return_entry_id = request_.return_entry_id;
        if (request_.return_entry_id) {
            auto ret = tx.custody_entry(*request_.return_entry_id);
            if (!ret) return fail(ret.error());
            if (*ret) job_.checkout_entry_id = (*ret)->closes_id;
        }
        job_.clock_offset_ms = request_.clock_offset_ms;
        if (!job_.clock_offset_ms) {
            // Read before anything sets it: the offset is what corrects the start times.
            if (auto t = camera_.read_clock()) job_.clock_offset_ms = t->ms - clock_.now().ms;
        }
        auto id = tx.add_offload_job(job_, {request_.actor, "offload_started", device_.serial,
                                            "slot=" + std::to_string(request_.slot)});
        if (!id) return fail(id.error());
        job_.id = *id;
        job_.archive_dir = job_folder(job_.started_at, device_.serial, job_.id);
        return tx.update_offload_job(job_, note("offload_folder", "folder=" + job_.archive_dir));
    }

    Status offload() {
        if (!safe_path_part(device_.serial)) return fail(Error(MessageId::RecordingPathUnsafe, {device_.serial}));
        auto mount = camera_.mass_storage_path();
        if (!mount) return fail(mount.error());
        mount_ = *mount;
        for (int round = 0; round < kMaxRounds; ++round) {
            auto listed = camera_.recordings();
            if (!listed) return fail(listed.error());
            auto fresh = take_listing(*listed);
            if (!fresh) return fail(fresh.error());
            if (round > 0 && !*fresh) return confirm_wiped(*listed);
            CUSTODY_TRY(check_space());
            CUSTODY_TRY(archive_all());
            CUSTODY_TRY(commit_all());
            CUSTODY_TRY(wipe_all());
        }
        auto listed = camera_.recordings();
        if (!listed) return fail(listed.error());
        return confirm_wiped(*listed);
    }

    // Records every listed file the job does not know yet; true when there were any.
    // A file the job knows but the camera no longer lists is lost unless it was already
    // committed (then only the wipe's own record was cut short).
    Result<bool> take_listing(const std::vector<RecordingFile>& listed) {
        bool fresh = false;
        CUSTODY_TRY(in_tx([&](StoreTx& tx) -> Status {
            CUSTODY_TRY(load(tx));
            std::map<std::string, const RecordingFile*> by_path;
            for (const auto& f : listed) by_path[f.relative_path] = &f;
            for (auto& r : rows_) {
                auto it = by_path.find(r.source_path);
                if (rank(r.state) >= rank(RecordingState::Committed)) continue;
                if (it == by_path.end()) return fail(Error(MessageId::RecordingGoneBeforeArchive, {r.source_path}));
                if (it->second->bytes != r.bytes) return fail(Error(MessageId::SourceChanged, {r.source_path}));
            }
            std::set<std::string> known;
            for (const auto& r : rows_) known.insert(r.source_path);
            for (const auto& f : listed) {
                if (known.count(f.relative_path)) continue;
                if (!archive_path_in_job(job_.archive_dir, f.relative_path))
                    return fail(Error(MessageId::RecordingPathUnsafe, {f.relative_path}));
                Recording r;
                r.job_id = job_.id;
                r.device_id = device_.id;
                r.source_path = f.relative_path;
                r.bytes = f.bytes;
                auto id = tx.add_recording(r, note("recording_listed", "file=" + f.relative_path + "; bytes=" +
                                                                              std::to_string(f.bytes)));
                if (!id) return fail(id.error());
                fresh = true;
            }
            return load(tx);
        }));
        return fresh;
    }

    Status load(StoreTx& tx) {
        auto rows = tx.recordings_of_job(job_.id);
        if (!rows) return fail(rows.error());
        rows_ = std::move(*rows);
        return {};
    }

    Status check_space() {
        std::int64_t needed = 0;
        for (const auto& r : rows_)
            if (rank(r.state) < rank(RecordingState::Verified)) needed += r.bytes;
        if (needed == 0) return {};
        auto free = archive_.free_bytes();
        if (!free) return fail(free.error());
        if (needed > *free) return fail(Error(MessageId::ArchiveFull, {mb_needed(needed - *free)}));
        return {};
    }

    Status archive_all() {
        OffloadProgress p = progress_base(OffloadPhase::Copying);
        for (const auto& r : rows_) {
            p.files_total += 1;
            p.bytes_total += r.bytes;
            if (rank(r.state) >= rank(RecordingState::Verified)) {
                p.files_done += 1;
                p.bytes_done += r.bytes;
            }
        }
        for (auto& r : rows_) {
            if (rank(r.state) >= rank(RecordingState::Verified)) continue;
            CUSTODY_TRY(archive_one(r, p));
            p.files_done += 1;
            p.bytes_done += r.bytes;
        }
        return {};
    }

    Status archive_one(Recording& r, OffloadProgress& p) {
        if (r.state == RecordingState::Pending) {
            r.state = RecordingState::Copying;
            CUSTODY_TRY(in_tx([&](StoreTx& tx) { return tx.update_recording(r, note("recording_copying", "file=" + r.source_path)); }));
        }
        const std::string rel = *archive_path_in_job(job_.archive_dir, r.source_path);
        // An earlier run may have died with a half-written or unrecorded copy here.
        CUSTODY_TRY(archive_.discard(rel));
        const std::int64_t before = p.bytes_done;
        p.current_file = r.source_path;
        auto copied = archive_.copy_in(mount_ + "/" + r.source_path, rel, [&](std::int64_t done) {
            p.bytes_done = before + done;
            publish(p);
        });
        if (!copied) return fail(copied.error());
        if (copied->bytes != r.bytes) {
            CUSTODY_TRY(archive_.discard(rel));
            return fail(Error(MessageId::SourceChanged, {r.source_path}));
        }
        auto media = probe_.probe(archive_.absolute(rel));
        if (media) {
            r.media = *media;
        } else {
            r.media = MediaInfo{};
            r.media.probe_error = render(media.error(), Lang::En);
        }
        if (r.media.started_at)
            r.corrected_start = Timestamp{r.media.started_at->ms - job_.clock_offset_ms.value_or(0)};
        r.state = RecordingState::Verified;
        r.sha256 = copied->sha256;
        r.archive_path = rel;
        r.verified_at = clock_.now();
        return in_tx([&](StoreTx& tx) {
            return tx.update_recording(r, note("recording_verified", "file=" + r.source_path + "; sha256=" + r.sha256));
        });
    }

    Status commit_all() {
        bool any = std::any_of(rows_.begin(), rows_.end(), [](const Recording& r) { return r.state == RecordingState::Verified; });
        if (!any) return {};
        std::vector<ManifestLine> lines;
        const std::size_t prefix = job_.archive_dir.size() + 1;
        for (const auto& r : rows_)
            if (!r.archive_path.empty()) lines.push_back({r.sha256, r.archive_path.substr(prefix)});
        CUSTODY_TRY(archive_.write_manifest(job_.archive_dir, lines));
        publish(progress_base(OffloadPhase::Committing));
        return in_tx([&](StoreTx& tx) -> Status {
            const Timestamp now = clock_.now();
            std::int64_t files = 0;
            for (auto& r : rows_) {
                if (r.state != RecordingState::Verified) continue;
                r.state = RecordingState::Committed;
                r.committed_at = now;
                CUSTODY_TRY(tx.update_recording(r, note("recording_committed", "file=" + r.source_path)));
                ++files;
            }
            return tx.audit(note("offload_committed", "files=" + std::to_string(files) + "; manifest=" +
                                                          job_.archive_dir + "/" + kManifestName));
        });
    }

    Status measure_coverage(StoreTx& tx) {
        if (!job_.checkout_entry_id || !job_.return_entry_id) return {};
        auto out = tx.custody_entry(*job_.checkout_entry_id);
        if (!out) return fail(out.error());
        auto back = tx.custody_entry(*job_.return_entry_id);
        if (!back) return fail(back.error());
        if (!*out || !*back) return {};
        auto profile = tx.profile();
        if (!profile) return fail(profile.error());
        CoverageReport c = coverage({(*out)->at, (*back)->at}, recorded_spans(rows_));
        job_.custody_ms = c.custody.ms();
        job_.recorded_ms = c.recorded_ms;
        job_.longest_gap_ms = c.longest_gap_ms();
        job_.interruption_record_needed = c.longest_gap_ms() > profile->coverage_gap_minutes * 60 * kMsPerSecond;
        outcome_.coverage = c;
        return {};
    }

    Status wipe_all() {
        // R15: nothing leaves the camera while any recording of the job is not committed.
        for (const auto& r : rows_)
            if (rank(r.state) < rank(RecordingState::Committed))
                throw std::logic_error("wipe reached with an uncommitted recording: " + r.source_path);
        publish(progress_base(OffloadPhase::Wiping));
        std::optional<std::set<std::string>> still_listed;
        for (auto& r : rows_) {
            if (r.state != RecordingState::Committed) continue;
            auto deleted = camera_.delete_recording({r.source_path, r.bytes});
            if (!deleted) {
                // The delete may have happened before a crash cut its record short.
                if (!still_listed) {
                    auto listed = camera_.recordings();
                    if (!listed) return fail(listed.error());
                    still_listed.emplace();
                    for (const auto& f : *listed) still_listed->insert(f.relative_path);
                }
                if (still_listed->count(r.source_path))
                    return fail(Error(MessageId::CameraWipeFailed, {r.source_path, render(deleted.error(), Lang::Zh)})
                                    .with_cause(deleted.error()));
            }
            r.state = RecordingState::Wiped;
            r.wiped_at = clock_.now();
            CUSTODY_TRY(in_tx([&](StoreTx& tx) { return tx.update_recording(r, note("recording_wiped", "file=" + r.source_path)); }));
        }
        return {};
    }

    Status confirm_wiped(const std::vector<RecordingFile>& listed) {
        if (listed.empty()) return {};
        std::string names;
        for (std::size_t i = 0; i < listed.size() && i < 3; ++i) names += (i ? ", " : "") + listed[i].relative_path;
        return fail(Error(MessageId::WipeNotConfirmed, {std::to_string(listed.size()), names}));
    }

    Result<OffloadOutcome> finish() {
        std::int64_t bytes = 0;
        for (const auto& r : rows_) bytes += r.bytes;
        CUSTODY_TRY(in_tx([&](StoreTx& tx) -> Status {
            auto dev = tx.device_by_serial(job_.device_serial);
            if (!dev) return fail(dev.error());
            if (!*dev) return fail(Error(MessageId::DeviceUnknown, {job_.device_serial}));
            CUSTODY_TRY(measure_coverage(tx));
            job_.state = OffloadJobState::Complete;
            job_.finished_at = clock_.now();
            job_.failure_code.clear();
            job_.failure_zh.clear();
            job_.failure_en.clear();
            CUSTODY_TRY(tx.update_offload_job(job_, note("wipe_confirmed", "files=" + std::to_string(rows_.size()))));
            Device d = **dev;
            // Quarantined stays quarantined: the footage is off, the fault is not fixed.
            if (d.status == DeviceStatus::Docked) d.status = DeviceStatus::InService;
            return tx.update_device_state(d, note("offload_complete", "recordings=" + std::to_string(rows_.size()) +
                                                                         "; bytes=" + std::to_string(bytes)));
        }));
        OffloadProgress p = progress_base(OffloadPhase::Done);
        p.files_done = p.files_total = static_cast<std::int64_t>(rows_.size());
        p.bytes_done = p.bytes_total = bytes;
        publish(p);
        outcome_.job = job_;
        outcome_.recordings = rows_;
        return outcome_;
    }

    Error record_failure(const Error& cause) {
        log_event(LogLevel::Warning, "offload of " + job_.device_serial + " (job " + std::to_string(job_.id) +
                                         ") stopped: " + log_line(cause),
                  LogFields{}.at_slot(job_.slot).of_device(job_.device_serial).in_job(job_.id));
        job_.state = OffloadJobState::Failed;
        job_.failure_code = std::string(message_text(cause.id).key);
        job_.failure_zh = render(cause, Lang::Zh);
        job_.failure_en = render(cause, Lang::En);
        auto recorded = in_tx([&](StoreTx& tx) {
            return tx.update_offload_job(job_, note("offload_failed", "reason=" + job_.failure_en));
        });
        if (!recorded) log_event(LogLevel::Error, "the failure could not be recorded: " + log_line(recorded.error()));
        OffloadProgress p = progress_base(OffloadPhase::Failed);
        p.current_file = job_.failure_zh;
        publish(p);
        return Error(MessageId::OffloadFailed, {job_.device_serial, std::to_string(job_.id)}).with_cause(cause);
    }

    OffloadProgress progress_base(OffloadPhase phase) const {
        OffloadProgress p;
        p.slot = request_.slot;
        p.device_serial = job_.device_serial;
        p.job_id = job_.id;
        p.phase = phase;
        return p;
    }

    void publish(OffloadProgress& p) {
        if (!progress_) return;
        meter_.sample(clock_.now(), p.bytes_done);
        p.bytes_per_s = meter_.bytes_per_s();
        p.eta_s = meter_.eta_s(p.bytes_total - p.bytes_done);
        progress_(p);
    }
    void publish(OffloadProgress&& p) { publish(p); }

    CustodyStore& store_;
    const Clock& clock_;
    FootageArchive& archive_;
    MediaProbe& probe_;
    DockedCamera& camera_;
    const OffloadRequest& request_;
    const OffloadProgressFn& progress_;
    TransferMeter meter_;
    Device device_;
    OffloadJob job_;
    std::string mount_;
    std::vector<Recording> rows_;
    OffloadOutcome outcome_;
};

}  // namespace

Result<OffloadOutcome> FootageOffload::run(DockedCamera& camera, const OffloadRequest& request,
                                           const OffloadProgressFn& progress) {
    return OffloadRun(store_, clock_, archive_, probe_, camera, request, progress).run();
}

}  // namespace custody
