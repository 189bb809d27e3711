#pragma once
// The kiosk's print button: a report made from the database and printed on the agency's
// printer. Making and printing take seconds and a stopped printer much longer, so the
// terminal calls this on a worker of its own, never on the UI thread and never on the
// worker the cabinet waits on.

#include <optional>
#include <string>

#include "kiosk/core/ids.h"
#include "kiosk/core/messages.h"
#include "kiosk/core/result.h"

namespace custody::terminal {

enum class PrintableReport {
    OffloadReceipt,  // what an officer's return produced (the offload job `record`)
    Reconciliation,  // a saved reconciliation (`record`)
    UsageLedger,     // this month's usage ledger 台账 (R5)
};

struct PrintOrder {
    PrintableReport what = PrintableReport::UsageLedger;
    std::optional<Id> record;
    Lang lang = Lang::Zh;
    std::string actor = "kiosk";  // the custodian's number in custodian mode
};

struct PrintedReport {
    std::string document_id;
    std::string pdf_path;  // the copy kept beside the database
    std::string queue;
    int job = 0;
    int pages = 0;
};

class ReportPrinting {
public:
    virtual ~ReportPrinting() = default;
    // Blocks until the job has printed or failed; a printed report is recorded in the
    // audit chain (kiosk/core/printed_report.h).
    virtual Result<PrintedReport> print(const PrintOrder& order) = 0;
};

}  // namespace custody::terminal
