#pragma once
// Runs a real program (custodyctl, the sqlite3 shell) and captures what it printed.

#include <map>
#include <string>
#include <vector>

namespace custody::test {

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// argv[0] is the program path; `env` entries are added to (or replace) the environment.
CommandResult run_command(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
                          const std::string& stdin_text = "");

}  // namespace custody::test
