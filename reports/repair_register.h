#pragma once
// The equipment repair register 设备维修登记表 (R9): every repair order in a period — the
// device, the problem, the supplier, when it left service, went and came back, the days
// it was out of service, the cost and the outcome — and per device the downtime and cost.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/repair_order.h"
#include "reports/report_documents.h"

namespace custody::reports {

struct RepairRegisterLine {
    RepairOrder order;
    std::string device_model;  // brand and model
    CivilDate out_of_service;  // the day the order was opened: the device left service then
    CivilDate until;           // the day it came back, else the day the register was made
    int days_down = 0;
};

struct RepairRegister {
    std::string agency;
    std::optional<CivilDate> from;  // first day covered; none: from the first order
    std::optional<CivilDate> to;    // last day covered; none: up to today
    CivilDate today;
    std::vector<RepairRegisterLine> lines;  // oldest first
};

class ReportSnapshot;
// The orders whose time out of service overlaps [from, to); open ends mean "all".
Result<RepairRegister> load_repair_register(ReportSnapshot& s, std::optional<Timestamp> from,
                                            std::optional<Timestamp> to, Timestamp now);

ReportHeading repair_register_heading(const RepairRegister& r, Lang lang);
void compose_repair_register(ReportPages& pages, const RepairRegister& r);

// Its entry in make_report (report_documents.h lists the others).
Result<ComposedReport> compose_repair_register_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                        Timestamp now);

}  // namespace custody::reports
