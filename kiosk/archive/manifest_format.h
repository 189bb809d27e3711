#pragma once
// The text of a SHA256SUMS file, exactly as GNU sha256sum writes it and `sha256sum -c`
// reads it: `<hex>  <name>` per line, and a name holding a backslash, newline or
// carriage return escaped (\\, \n, \r) with the line led by a backslash.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/footage_archive.h"

namespace custody::archive {

// Throws std::logic_error for a line no sha256sum could read back (a hash that is not
// 64 hex digits, a name that is empty, absolute or climbs out of the job folder): the
// lines come from the archive's own copies.
std::string format_manifest(const std::vector<ManifestLine>& lines);

struct ParsedManifest {
    std::vector<ManifestLine> lines;  // hashes in lower case
    std::optional<int> bad_line;      // 1-based; set when a line is malformed
};

// Reads what sha256sum -c reads: CRLF line ends and blank lines are tolerated, the
// binary marker `*` and upper-case hex are accepted.
ParsedManifest parse_manifest(std::string_view text);

}  // namespace custody::archive
