#pragma once
// R19, R20, R21: a case's footage copied out of the archive onto other media, with an
// explanatory note (maker, extractor, extraction time) and a SHA256SUMS a court can check
// with coreutils, made into a disc image for the two burnt copies whose labels are kept
// on record.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"
#include "kiosk/core/footage_archive.h"

namespace custody {

// The port for what a package needs beyond plain files, so the core needs no library.
class EvidenceMedia {
public:
    virtual ~EvidenceMedia() = default;
    // The SHA-256 of a file as the disk holds it: flushed and read back, not the cache.
    // FileUnreadable {path, reason}.
    virtual Result<std::string> sha256_of(const std::string& path) = 0;
    // An ISO 9660 image (Joliet and Rock Ridge names) of the contents of `folder`.
    // IsoImageFailed {iso_path, reason}.
    virtual Status make_iso(const std::string& folder, const std::string& volume_label,
                            const std::string& iso_path) = 0;
};

struct EvidenceExportRequest {
    std::string case_number;
    std::string maker;      // 制作人
    std::string extractor;  // 提取人
    std::string out_dir;    // the package goes to <out_dir>/<case>, its image beside it
    std::string actor = "custodyctl";
};

struct PackagedFile {
    Recording recording;
    std::string name;  // in the package folder
    std::string device_serial;
    std::string device_brand;
    std::string device_model;
    std::optional<Officer> officer;  // who had the camera, when the offload closed a checkout
    std::string officer_unit;        // the officer's unit, by name
    std::optional<Officer> partner;  // R10
};

struct EvidencePackage {
    EvidenceExport record;  // as stored, with its id
    std::vector<PackagedFile> files;
    std::string sums_path;
    std::string note_path;
};

struct EvidenceCopyRequest {
    Id export_id = 0;
    std::string case_number;           // the export's case, as the caller found it
    std::optional<std::string> label;  // none: composed from the export (R20)
    std::string actor = "custodyctl";
};

inline constexpr const char* kEvidenceNoteName = "说明.txt";
inline constexpr const char* kEvidenceSumsName = "SHA256SUMS";

// ISO 9660 allows 32 characters of A–Z, 0–9 and _ in a volume label.
std::string iso_volume_label(const std::string& case_number);
// A case number as one folder name: characters a path cannot hold become "_".
std::string package_folder_name(const std::string& case_number);
// What R20 wants on a disc's label or sleeve: producing unit, maker, date, case number.
std::string default_disc_label(const EvidenceExport& e, const std::string& unit, int copy_number);

class EvidencePackager {
public:
    EvidencePackager(CustodyStore& store, const Clock& clock, FootageArchive& archive, EvidenceMedia& media)
        : store_(store), clock_(clock), archive_(archive), media_(media) {}

    // Copies every archived recording of the case, checks each copy against its recorded
    // hash, writes the note and SHA256SUMS, makes the image and records the export. A
    // failure leaves no half-made package behind.
    Result<EvidencePackage> export_case(const EvidenceExportRequest& request);
    // Records one burnt copy of an export and its label (R20).
    Result<EvidenceCopy> record_copy(const EvidenceCopyRequest& request);

private:
    CustodyStore& store_;
    const Clock& clock_;
    FootageArchive& archive_;
    EvidenceMedia& media_;
};

}  // namespace custody
