#include "kiosk/core/evidence_package.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kiosk/core/agency_time.h"
#include "kiosk/core/refusal.h"

namespace fs = std::filesystem;

namespace custody {

namespace {

constexpr int kMaxFolderTries = 100;

std::string trimmed(const std::string& s) {
    const char* space = " \t\r\n";
    auto b = s.find_first_not_of(space);
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(space) - b + 1);
}

std::string base_name(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

Error unwritable(const fs::path& p, const std::string& reason) {
    return Error(MessageId::FileUnwritable, {p.string(), reason});
}

// Read-only like the footage copied beside it (which keeps the archive's mode).
Status write_text(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) return fail(unwritable(p, "write failed"));
    std::error_code ec;
    fs::permissions(p, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read, ec);
    if (ec) return fail(unwritable(p, ec.message()));
    return {};
}

std::string officer_text(const std::optional<Officer>& o) {
    return o ? o->name + "（" + o->number + "）" : std::string("未知 / unknown");
}

std::string duration_text(const Recording& r) {
    if (!r.media.duration_ms) return r.media.kind == MediaKind::Photo ? "— （照片 / photo）" : "未知 / unknown";
    const std::int64_t s = (*r.media.duration_ms + 500) / 1000;
    return std::to_string(s) + " 秒 / " + std::to_string(s) + " s";
}

std::string start_text(const Recording& r) {
    if (r.corrected_start) return format_local(*r.corrected_start);
    if (r.media.started_at)
        return format_local(*r.media.started_at) + "（设备时钟 / by the camera's clock）";
    return "未知 / unknown";
}

std::string note_text(const EvidenceExport& e, const AgencyProfile& p, const std::vector<PackagedFile>& files) {
    std::ostringstream s;
    s << "执法音像证据提取说明 / Evidence extraction note (R19, R21)\n\n"
      << "案件编号 / Case number：" << e.case_number << "\n"
      << "制作单位 / Producing unit：" << p.agency_name << "\n"
      << "制作人 / Maker：" << e.maker << "\n"
      << "提取人 / Extractor：" << e.extractor << "\n"
      << "提取时间 / Extracted at：" << format_local(e.made_at) << "（" << p.time_zone << "）\n"
      << "文件数量 / Files：" << files.size() << "\n"
      << "校验方法 / How to check：sha256sum -c " << kEvidenceSumsName << "\n";
    int n = 0;
    for (const auto& f : files) {
        const Recording& r = f.recording;
        ++n;
        s << "\n文件 " << n << " / File " << n << "：" << f.name << "\n"
          << "  设备 / Device：" << f.device_serial;
        if (!f.device_brand.empty() || !f.device_model.empty())
            s << "（" << f.device_brand << (f.device_brand.empty() ? "" : " ") << f.device_model << "）";
        s << "\n  执法人员 / Officer：" << officer_text(f.officer);
        if (!f.officer_unit.empty()) s << "，" << f.officer_unit;
        if (f.partner) s << "；同行 / partner：" << officer_text(f.partner);
        s << "\n  开始时间 / Start：" << start_text(r) << "\n"
          << "  时长 / Duration：" << duration_text(r) << "\n"
          << "  格式 / Format：" << (r.media.container.empty() ? "—" : r.media.container)
          << (r.media.codec.empty() ? "" : " / " + r.media.codec) << "\n"
          << "  设备上的路径 / Path on the camera：" << r.source_path << "\n"
          << "  存档位置 / Archive path：" << r.archive_path << "\n"
          << "  SHA-256：" << r.sha256 << "\n";
    }
    return s.str();
}

// Removes what a failed export made, so a retry starts clean and nothing half-made
// is mistaken for a package.
class Scratch {
public:
    explicit Scratch(std::vector<fs::path> paths) : paths_(std::move(paths)) {}
    ~Scratch() {
        if (!armed_) return;
        std::error_code ec;
        for (const auto& p : paths_) fs::remove_all(p, ec);
    }
    void keep() { armed_ = false; }

private:
    std::vector<fs::path> paths_;
    bool armed_ = true;
};

}  // namespace

std::string iso_volume_label(const std::string& case_number) {
    std::string label;
    for (unsigned char c : case_number) {
        char up = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : static_cast<char>(c);
        const bool keep = (up >= 'A' && up <= 'Z') || (up >= '0' && up <= '9');
        if (keep) label += up;
        else if (!label.empty() && label.back() != '_') label += '_';
    }
    while (!label.empty() && label.back() == '_') label.pop_back();
    if (label.empty()) return "EVIDENCE";
    label = "CASE_" + label;
    if (label.size() > 32) label.resize(32);
    while (label.back() == '_') label.pop_back();
    return label;
}

std::string package_folder_name(const std::string& case_number) {
    std::string name;
    for (unsigned char c : case_number)
        name += (c < 0x20 || c == '/' || c == '\\' || c == 0x7f) ? '_' : static_cast<char>(c);
    if (name.empty() || name.front() == '.') name.insert(name.begin(), '_');
    return name;
}

std::string default_disc_label(const EvidenceExport& e, const std::string& unit, int copy_number) {
    return unit + " 执法音像证据光盘｜案件编号 " + e.case_number + "｜制作人 " + e.maker + "｜制作日期 " +
           format_local_date(e.made_at) + "｜第 " + std::to_string(copy_number) + " 份";
}

Result<EvidencePackage> EvidencePackager::export_case(const EvidenceExportRequest& request) {
    const std::string case_number = trimmed(request.case_number);
    const std::string subject = "case:" + case_number;
    auto refused = [&](Error e) {
        return fail(refuse(store_, std::move(e), request.actor, "evidence_export_refused", subject));
    };
    if (case_number.empty()) return refused(Error(MessageId::CaseNumberMissing));
    EvidencePackage pkg;
    pkg.record.case_number = case_number;
    pkg.record.maker = trimmed(request.maker);
    pkg.record.extractor = trimmed(request.extractor);
    if (pkg.record.maker.empty() || pkg.record.extractor.empty())
        return refused(Error(MessageId::EvidenceNamesMissing));

    AgencyProfile profile;
    {
        auto begun = store_.begin();
        if (!begun) return fail(begun.error());
        StoreTx& tx = **begun;
        auto p = tx.profile();
        if (!p) return fail(p.error());
        profile = *p;
        auto rows = tx.recordings_of_case(case_number);
        if (!rows) return fail(rows.error());
        for (const auto& r : *rows) {
            if (r.purged_at || r.archive_path.empty()) continue;
            if (r.state != RecordingState::Committed && r.state != RecordingState::Wiped) continue;
            PackagedFile f;
            f.recording = r;
            auto job = tx.offload_job(r.job_id);
            if (!job) return fail(job.error());
            if (*job) {
                f.device_serial = (*job)->device_serial;
                auto dev = tx.device_by_serial(f.device_serial);
                if (!dev) return fail(dev.error());
                if (*dev) {
                    f.device_brand = (*dev)->brand;
                    f.device_model = (*dev)->model;
                }
                if ((*job)->checkout_entry_id) {
                    auto out = tx.custody_entry(*(*job)->checkout_entry_id);
                    if (!out) return fail(out.error());
                    auto who = [&](std::optional<Id> id) -> Result<std::optional<Officer>> {
                        if (!id) return std::optional<Officer>();
                        return tx.officer(*id);
                    };
                    if (*out) {
                        auto o = who((*out)->officer_id);
                        if (!o) return fail(o.error());
                        f.officer = *o;
                        if (f.officer) {
                            auto unit = tx.unit(f.officer->unit_id);
                            if (!unit) return fail(unit.error());
                            if (*unit) f.officer_unit = (*unit)->name;
                        }
                        auto partner = who((*out)->partner_id);
                        if (!partner) return fail(partner.error());
                        f.partner = *partner;
                    }
                }
            }
            // The recording id keeps names unique however the cameras named their files.
            f.name = "R" + std::to_string(r.id) + "_" + f.device_serial + "_" + base_name(r.archive_path);
            pkg.files.push_back(std::move(f));
        }
    }
    if (pkg.files.empty()) return refused(Error(MessageId::EvidenceCaseEmpty, {case_number}));

    std::error_code ec;
    const fs::path out_dir = fs::absolute(request.out_dir, ec);
    if (ec) return fail(unwritable(request.out_dir, ec.message()));
    fs::create_directories(out_dir, ec);
    if (ec) return fail(unwritable(out_dir, ec.message()));
    // A case exported again (more footage, a lost disc) gets a folder of its own: exports
    // are records, and an earlier package is never overwritten.
    const std::string base = package_folder_name(case_number);
    fs::path folder, iso;
    for (int n = 1; n <= kMaxFolderTries && folder.empty(); ++n) {
        const std::string name = n == 1 ? base : base + "-" + std::to_string(n);
        fs::path candidate = out_dir / name;
        fs::path candidate_iso = out_dir / (name + ".iso");
        if (fs::exists(candidate_iso, ec)) continue;
        if (fs::create_directory(candidate, ec)) {
            folder = candidate;
            iso = candidate_iso;
        } else if (ec) {
            return fail(unwritable(candidate, ec.message()));
        }
    }
    if (folder.empty()) return fail(unwritable(out_dir / base, "too many earlier packages of this case"));
    Scratch scratch({folder, iso});

    pkg.record.made_at = clock_.now();
    std::string sums;
    for (const auto& f : pkg.files) {
        const Recording& r = f.recording;
        const fs::path copy = folder / f.name;
        fs::copy_file(archive_.absolute(r.archive_path), copy, fs::copy_options::none, ec);
        if (ec) {
            // A missing source is the archive's loss, told as such.
            if (ec == std::errc::no_such_file_or_directory)
                return refused(Error(MessageId::EvidenceSourceNotIntact, {std::to_string(r.id)})
                                   .with_cause(Error(MessageId::ArchiveFileMissing, {r.archive_path})));
            return fail(unwritable(copy, ec.message()));
        }
        // An evidence copy is verified like an archive copy: read back from the disk.
        auto found = media_.sha256_of(copy.string());
        if (!found) return fail(found.error());
        if (*found != r.sha256) {
            auto source = archive_.rehash(r.archive_path);
            if (!source) return fail(source.error());
            if (*source != r.sha256) {
                Error altered(MessageId::ArchiveHashMismatch, {r.archive_path, r.sha256, *source});
                return refused(Error(MessageId::EvidenceSourceNotIntact, {std::to_string(r.id)}).with_cause(altered));
            }
            return fail(Error(MessageId::EvidenceCopyMismatch, {copy.string(), r.sha256, *found}));
        }
        sums += r.sha256 + "  " + f.name + "\n";
    }
    // The note is listed too, so a changed note on the disc is found like a changed file.
    const fs::path note = folder / kEvidenceNoteName;
    CUSTODY_TRY(write_text(note, note_text(pkg.record, profile, pkg.files)));
    auto note_hash = media_.sha256_of(note.string());
    if (!note_hash) return fail(note_hash.error());
    sums += *note_hash + "  " + kEvidenceNoteName + "\n";
    const fs::path sums_path = folder / kEvidenceSumsName;
    CUSTODY_TRY(write_text(sums_path, sums));

    CUSTODY_TRY(media_.make_iso(folder.string(), iso_volume_label(case_number), iso.string()));
    auto iso_hash = media_.sha256_of(iso.string());
    if (!iso_hash) return fail(iso_hash.error());

    pkg.record.folder = folder.string();
    pkg.record.iso_path = iso.string();
    pkg.record.iso_sha256 = *iso_hash;
    pkg.record.recordings = static_cast<std::int64_t>(pkg.files.size());
    pkg.sums_path = sums_path.string();
    pkg.note_path = note.string();
    std::string ids;
    for (const auto& f : pkg.files) ids += (ids.empty() ? "" : ",") + std::to_string(f.recording.id);
    {
        auto begun = store_.begin();
        if (!begun) return fail(begun.error());
        auto id = (*begun)->add_evidence_export(
            pkg.record, {request.actor, "evidence_exported", subject,
                         "recordings=" + ids + "; folder=" + pkg.record.folder + "; iso=" + pkg.record.iso_path +
                             "; iso_sha256=" + pkg.record.iso_sha256 + "; maker=" + pkg.record.maker +
                             "; extractor=" + pkg.record.extractor});
        if (!id) return fail(id.error());
        CUSTODY_TRY((*begun)->commit());
        pkg.record.id = *id;
    }
    scratch.keep();
    return pkg;
}

Result<EvidenceCopy> EvidencePackager::record_copy(const EvidenceCopyRequest& request) {
    const std::string subject = "evidence_export:" + std::to_string(request.export_id);
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto refused = [&](Error e) -> Result<EvidenceCopy> {
        tx.reset();
        return fail(refuse(store_, std::move(e), request.actor, "evidence_copy_refused", subject));
    };
    std::optional<EvidenceExport> found;
    if (!request.case_number.empty()) {
        auto exports = tx->evidence_exports_of_case(request.case_number);
        if (!exports) return fail(exports.error());
        for (const auto& e : *exports)
            if (e.id == request.export_id) found = e;
    }
    if (!found) return refused(Error(MessageId::EvidenceExportUnknown, {std::to_string(request.export_id)}));
    auto copies = tx->evidence_copies_of(found->id);
    if (!copies) return fail(copies.error());
    EvidenceCopy c;
    c.export_id = found->id;
    for (const auto& k : *copies) c.copy_number = std::max(c.copy_number, k.copy_number + 1);
    if (request.label) {
        c.label = trimmed(*request.label);
        if (c.label.empty()) return refused(Error(MessageId::EvidenceLabelMissing));
    } else {
        auto p = tx->profile();
        if (!p) return fail(p.error());
        c.label = default_disc_label(*found, p->agency_name, c.copy_number);
    }
    c.recorded_at = clock_.now();
    c.recorded_by = request.actor;
    auto id = tx->add_evidence_copy(c, {request.actor, "evidence_copy_recorded", subject,
                                        "case=" + found->case_number + "; copy=" + std::to_string(c.copy_number) +
                                            "; label=" + c.label});
    if (!id) return fail(id.error());
    CUSTODY_TRY(tx->commit());
    c.id = *id;
    return c;
}

}  // namespace custody
