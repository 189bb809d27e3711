#pragma once
// Folders whose creation survives a power cut: a new file's name lives in its folder,
// and a new folder's name in its parent, so each must be fsynced in turn.

#include <string>

namespace custody::archive {

// 0, or the errno of opening or fsyncing the folder.
int fsync_dir(const std::string& path);

// Creates the missing folders of `relative_dir` under `root` (which exists), fsyncing
// each new folder and the folder it was made in. 0, or the errno of the step that
// failed. An existing non-folder in the way is ENOTDIR.
int make_dirs(const std::string& root, const std::string& relative_dir);

}  // namespace custody::archive
