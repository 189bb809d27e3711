#pragma once
// argv and envp arrays for posix_spawn, owning their strings: the current environment
// with `env` entries added or replaced.

#include <map>
#include <string>
#include <vector>

namespace custody::test {

class SpawnArgs {
public:
    SpawnArgs(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env);
    SpawnArgs(const SpawnArgs&) = delete;
    SpawnArgs& operator=(const SpawnArgs&) = delete;
    char* const* argv() { return argv_.data(); }
    char* const* envp() { return envp_.data(); }
    const char* program() const { return argv_strings_.front().c_str(); }

private:
    std::vector<std::string> argv_strings_, env_strings_;
    std::vector<char*> argv_, envp_;
};

}  // namespace custody::test
