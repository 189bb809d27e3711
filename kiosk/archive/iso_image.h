#pragma once
// The evidence package's media (R19, R20): SHA-256 of what reached the disk, and the ISO
// 9660 image burnt to disc, made by Debian's xorriso (`xorriso -as mkisofs`) so that the
// image is what any other burning tool would make of the folder.

#include <string>

#include "kiosk/core/evidence_package.h"

namespace custody::archive {

class XorrisoEvidenceMedia final : public EvidenceMedia {
public:
    explicit XorrisoEvidenceMedia(std::string program = "xorriso") : program_(std::move(program)) {}

    // fsync, the cached pages dropped, then read and hashed. FileUnreadable {path, reason}.
    Result<std::string> sha256_of(const std::string& path) override;
    // Joliet and Rock Ridge names, so Chinese file names survive on any reader. When
    // xorriso cannot be started or fails: IsoImageFailed {iso_path, its complaint}, with
    // what it wrote to standard error as the detail.
    Status make_iso(const std::string& folder, const std::string& volume_label,
                    const std::string& iso_path) override;

private:
    std::string program_;
};

}  // namespace custody::archive
