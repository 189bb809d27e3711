#include "kiosk/core/archive_check.h"

#include <map>

namespace custody {

Result<ArchiveCheckReport> check_archive(CustodyStore& store, FootageArchive& archive) {
    std::vector<Recording> recordings;
    std::map<Id, std::string> job_dirs;
    {
        auto begun = store.begin();
        if (!begun) return fail(begun.error());
        auto rows = (*begun)->archived_recordings();
        if (!rows) return fail(rows.error());
        recordings = std::move(*rows);
        for (const auto& r : recordings) {
            if (job_dirs.count(r.job_id)) continue;
            auto job = (*begun)->offload_job(r.job_id);
            if (!job) return fail(job.error());
            if (*job) job_dirs[r.job_id] = (*job)->archive_dir;
        }
    }
    ArchiveCheckReport report;
    // job folder -> name -> hash, as its SHA256SUMS lists them
    std::map<Id, std::map<std::string, std::string>> listed;
    for (const auto& [job, dir] : job_dirs) {
        auto lines = archive.read_manifest(dir);
        if (!lines) {
            report.problems.push_back(lines.error());
            continue;
        }
        ++report.manifests_checked;
        auto& names = listed[job];
        for (const auto& l : *lines) names[l.name] = l.sha256;
    }
    for (const auto& r : recordings) {
        auto found = archive.rehash(r.archive_path);
        if (!found) {
            report.problems.push_back(found.error());
        } else {
            ++report.files_checked;
            report.bytes_checked += r.bytes;
            if (*found != r.sha256)
                report.problems.emplace_back(MessageId::ArchiveHashMismatch, std::vector<std::string>{r.archive_path, r.sha256, *found});
        }
        // Verified but not yet committed: the job's SHA256SUMS is written at commit.
        if (r.state == RecordingState::Verified) continue;
        auto names = listed.find(r.job_id);
        if (names == listed.end()) continue;  // its manifest's own problem is reported above
        const std::string& dir = job_dirs[r.job_id];
        const std::string name = r.archive_path.substr(dir.size() + 1);
        auto line = names->second.find(name);
        if (line == names->second.end())
            report.problems.emplace_back(MessageId::ManifestMissingEntry, std::vector<std::string>{r.archive_path});
        else if (line->second != r.sha256)
            report.problems.emplace_back(MessageId::ManifestMismatch,
                                         std::vector<std::string>{r.archive_path, line->second, r.sha256});
    }
    return report;
}

}  // namespace custody
