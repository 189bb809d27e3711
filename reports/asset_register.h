#pragma once
// The fixed-asset register 固定资产卡片登记表 (R3): every asset card with its device,
// category, dates, original value, useful life and method, keeper, unit, location and
// status, and what it is worth at the end of one month — the stored figure when that
// month is closed, else computed under the agency's convention, and the page says which.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/asset_value.h"
#include "kiosk/core/device.h"
#include "reports/report_documents.h"

namespace custody::reports {

struct AssetRegisterLine {
    AssetCard card;
    std::string category;  // the category's name, 公安专用设备
    std::string keeper;    // "name（number）", empty without one (R4)
    std::string unit;
    DeviceStatus status = DeviceStatus::InService;
    AssetValue value;
};

struct AssetRegister {
    std::string agency;
    AccountingMonth month;
    // The convention the figures follow: the close's when the month is closed, else the
    // agency's as it stands.
    DepreciationProfile profile;
    std::optional<MonthClose> close;
    std::string closed_by;  // who closed it, "name（number）" when on the roll
    std::optional<AccountingMonth> latest_closed;
    std::vector<AssetRegisterLine> lines;  // by asset number
};

class ReportSnapshot;
// At the end of `month`; without one, the newest closed month, else the month before `now`.
Result<AssetRegister> load_asset_register(ReportSnapshot& s, std::optional<AccountingMonth> month, Timestamp now);

ReportHeading asset_register_heading(const AssetRegister& r, Lang lang);
void compose_asset_register(ReportPages& pages, const AssetRegister& r);

// Its entry in make_report (report_documents.h lists the others).
Result<ComposedReport> compose_asset_register_document(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc,
                                                       Timestamp now);

}  // namespace custody::reports
