#pragma once
// Paths inside the archive. Callers build them from the job folder and the camera's
// own file names, so one that is absolute or climbs out of the root is a bug, not an
// expected failure: it throws std::logic_error.

#include <string>

namespace custody::archive {

// Throws std::logic_error unless `relative` is non-empty, not absolute and has no
// ".." component.
void require_inside(const std::string& relative);

// `root` joined with a path that passed require_inside.
std::string join(const std::string& root, const std::string& relative);

// The folder holding `path`: "" for a name at the top.
std::string parent_of(const std::string& path);

}  // namespace custody::archive
