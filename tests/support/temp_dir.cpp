#include "tests/support/temp_dir.h"

#include <stdlib.h>

#include <stdexcept>

namespace custody::test {

TempDir::TempDir() {
    std::string tpl = (std::filesystem::temp_directory_path() / "custody-test-XXXXXX").string();
    if (mkdtemp(tpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = tpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

}  // namespace custody::test
