#pragma once
// Which reports went to paper, and who printed them: a printed page carries the audit
// chain's position at its making, and the chain records its printing in turn, so a copy
// in a file can be matched with an entry and a missing one noticed.

#include <string>

#include "kiosk/core/custody_store.h"

namespace custody {

struct PrintedReportNote {
    std::string actor;        // officer number, or "custodyctl"
    std::string document_id;  // as on every page of it
    std::string kind;         // report kind code, e.g. "ledger"
    int pages = 0;
    std::string content_sha256;
    std::string queue;
    int job = 0;
    std::string file;  // the PDF that was printed
};

Status record_printed_report(CustodyStore& store, const PrintedReportNote& note);

}  // namespace custody
