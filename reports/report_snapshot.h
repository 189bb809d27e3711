#pragma once
// What a report reads: the database opened read-only inside one read transaction, so the
// rows and the audit chain position printed at the foot are the same moment's. A kiosk
// writing meanwhile is neither blocked nor seen (WAL).

#include <memory>
#include <string>

#include "db/sqlite.h"
#include "kiosk/core/agency_profile.h"
#include "reports/report_pages.h"

namespace custody::reports {

class ReportSnapshot {
public:
    static Result<std::unique_ptr<ReportSnapshot>> open(const std::string& db_path);
    ~ReportSnapshot();

    db::Connection& db() { return *c_; }
    const AuditPosition& audit() const { return audit_; }
    const AgencyProfile& profile() const { return profile_; }

private:
    explicit ReportSnapshot(std::unique_ptr<db::Connection> c) : c_(std::move(c)) {}
    std::unique_ptr<db::Connection> c_;
    AuditPosition audit_;
    AgencyProfile profile_;
};

// Runs `sql` with one text parameter and returns the first column of the first row, or
// nothing: for the small lookups every source makes (a unit's name, an officer's).
Result<std::optional<std::string>> lookup_text(db::Connection& c, const char* sql, const std::string& arg);

}  // namespace custody::reports
