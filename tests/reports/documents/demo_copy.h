#pragma once
// A private copy of the shared demo database (with its key and head anchor), for a test
// that must add records before reporting on them: the shared one is only read.

#include <filesystem>
#include <string>

#include "tests/support/temp_dir.h"

namespace custody::test {

inline std::string copy_demo_db(const TempDir& dir) {
    namespace fs = std::filesystem;
    const std::string db = dir.file("demo.db");
    for (const char* suffix : {"", ".key", ".head"})
        fs::copy_file(std::string(REPORT_DEMO_DB) + suffix, db + suffix, fs::copy_options::overwrite_existing);
    return db;
}

}  // namespace custody::test
