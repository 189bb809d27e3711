#pragma once
// The compensation case register 赔偿案件登记簿 (R26): every case with its device, liable
// officer, cause, how the amount was reached, the amount, what is paid and outstanding
// and where it stands; a case that opened a violation record is flagged (R25).

#include <string>
#include <vector>

#include "kiosk/core/compensation_progress.h"
#include "reports/report_documents.h"

namespace custody::reports {

struct CompensationRegisterLine {
    CompensationCase c;
    std::string device_serial;
    std::string asset_number;
    std::string officer;  // "name（number）"
    std::string unit;
    CaseProgress progress;
    std::vector<Violation> violations;
};

struct CompensationRegister {
    std::string agency;
    std::vector<CompensationRegisterLine> lines;  // oldest first
};

class ReportSnapshot;
Result<CompensationRegister> load_compensation_register(ReportSnapshot& s);

ReportHeading compensation_register_heading(const CompensationRegister& r, Lang lang);
void compose_compensation_register(ReportPages& pages, const CompensationRegister& r);

// Its entry in make_report (report_documents.h lists the others).
Result<ComposedReport> compose_compensation_register_document(ReportSnapshot& s, const ReportRequest& r,
                                                              PdfDocument& doc, Timestamp now);

}  // namespace custody::reports
