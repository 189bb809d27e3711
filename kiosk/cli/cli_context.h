#pragma once
// What every custodyctl command receives: where the data lives, the reader's language,
// and the streams to write to (tests capture them by running the real binary).

#include <iostream>
#include <memory>
#include <string>

#include "db/sqlite_store.h"
#include "db/store_location.h"
#include "kiosk/cli/args.h"
#include "kiosk/core/clock.h"

namespace custody::cli {

// Documented in `custodyctl --help`.
enum ExitCode : int {
    kExitOk = 0,
    kExitRefused = 1,     // a rule refused the request, or input was rejected
    kExitUsage = 2,       // the command line is wrong
    kExitTampered = 3,    // verify found the ledger or audit chain altered
    kExitEnvironment = 4,  // database, key or file missing, busy or failing
    kExitAttention = 5     // status: something needs a person's attention
};

struct CliContext {
    db::StorePaths paths;
    std::string archive_root;  // the footage archive (R16)
    Lang lang = Lang::Zh;
    std::ostream& out = std::cout;
    std::ostream& err = std::cerr;
    SystemClock clock;

    // Opens the store and applies the agency's time zone for display.
    Result<std::unique_ptr<db::SqliteStore>> open_store() const;
    // Prints the error in the reader's language (and the technical detail when the
    // failure is the environment's) and returns the exit code it maps to.
    int report(const Error& e) const;
    std::string text(MessageId id, const std::vector<std::string>& args = {}) const {
        return format_message(id, lang, args);
    }
    bool zh() const { return lang == Lang::Zh; }
    // Picks the reader's language for labels that are not messages (table headers).
    const char* pick(const char* zh_text, const char* en_text) const { return zh() ? zh_text : en_text; }
};

int exit_code_for(MessageId id);
using db::default_archive_root;
using db::default_db_path;

using Command = int (*)(CliContext& ctx, const std::vector<std::string>& words);

}  // namespace custody::cli
