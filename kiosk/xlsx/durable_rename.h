#pragma once
// Publishing a file written under a temporary name: its bytes reach the disk first,
// then the name, so after a power cut the final name holds either the old file or the
// whole new one.

#include <string>

namespace custody::xlsx {

struct RenameFailure {
    int error = 0;       // errno; 0 when the file is published
    std::string where;   // the file or folder the failing step was on
};

// fsyncs `partial`, renames it to `path` and fsyncs the folder. `partial` is removed
// when the rename did not happen.
RenameFailure publish_durably(const std::string& partial, const std::string& path);

}  // namespace custody::xlsx
