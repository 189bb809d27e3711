#pragma once
// The kiosk's print buttons over the real reports and CUPS: the PDF is made from the
// kiosk's database, kept in a folder beside it (what was printed stays on record), and
// sent to the profile's print queue, or the print server's default.

#include <chrono>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"
#include "kiosk/terminal/report_printing.h"

namespace custody::ui {

class ReportDesk final : public terminal::ReportPrinting {
public:
    ReportDesk(CustodyStore& store, std::string db_path, std::string folder, const Clock& clock,
               std::chrono::milliseconds print_limit = std::chrono::minutes(2))
        : store_(store), db_path_(std::move(db_path)), folder_(std::move(folder)), clock_(clock), limit_(print_limit) {}

    Result<terminal::PrintedReport> print(const terminal::PrintOrder& order) override;

private:
    CustodyStore& store_;
    std::string db_path_;
    std::string folder_;
    const Clock& clock_;
    std::chrono::milliseconds limit_;
};

// "<database>.reports": beside the database, like its key and head anchor.
std::string report_folder_for(const std::string& db_path);

}  // namespace custody::ui
