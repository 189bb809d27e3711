#pragma once
// The custody report 执法记录仪保管使用报告: for one officer, one device or one unit over a
// period, every checkout and return with its slot and partner (R10), what each offload
// brought back and whether every file was hash-verified (R12, R15), the faults reported
// (R9) and the returns that came back, or are still out, past the offload deadline (R14).

#include <string>
#include <vector>

#include "reports/usage_ledger.h"

namespace custody::reports {

struct CustodyFault {
    Timestamp at;
    std::string device_serial;
    std::string kind_zh;
    std::string kind_en;
    std::string reported_by;
    std::string note;
    bool closed = false;             // the device has been released since
    bool compensation_case = false;  // R26
};

struct CustodyReport {
    std::string agency;
    std::string unit;
    std::string subject;  // whom or what the report is about, in the reader's language
    Timestamp from;
    Timestamp to;  // exclusive
    Timestamp now;
    std::int64_t offload_deadline_hours = 24;
    std::vector<UsageLedgerLine> uses;
    std::vector<CustodyFault> faults;
};

// A use is overdue when the camera came back later than the deadline after issue, or is
// still out past it (R14).
bool overdue(const UsageLedgerLine& use, std::int64_t deadline_hours, Timestamp now);

class ReportSnapshot;
struct LedgerScope;
// The ledger part comes from load_usage_ledger; the faults are those reported in the
// period on the devices in scope (or by the officer in scope).
Result<CustodyReport> load_custody_report(ReportSnapshot& s, const LedgerScope& scope, Lang lang, Timestamp now);

ReportHeading custody_report_heading(const CustodyReport& r, Lang lang);
void compose_custody_report(ReportPages& pages, const CustodyReport& r);

}  // namespace custody::reports
