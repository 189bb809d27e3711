#pragma once
// R3: every device is a fixed asset (固定资产卡片). The card holds what finance needs to
// depreciate it under Government Accounting Standard No. 3 (政府会计准则第3号): category,
// dates, original value in fen, useful life and method. The keeper (R4) and unit are the
// device's own; the card does not copy them.

#include <optional>
#include <string>

#include "kiosk/core/accounting_month.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"
#include "kiosk/core/money.h"
#include "kiosk/core/named_code.h"

namespace custody {

// 年限平均法 (straight-line over the useful life) or 工作量法 (by hours of use, read from
// the usage ledger).
enum class DepreciationMethod { StraightLine, Workload };

inline constexpr NamedCode<DepreciationMethod> kDepreciationMethods[] = {
    {DepreciationMethod::StraightLine, "straight_line", "年限平均法", "straight-line"},
    {DepreciationMethod::Workload, "workload", "工作量法", "workload"},
};

// A government fixed-asset category with the useful life the agency uses for it. The
// Ministry of Finance table (政府固定资产折旧年限表) gives a floor; the agency may set a
// longer life, never a shorter one.
struct AssetCategory {
    std::string code;
    std::string name;           // as the table writes it, e.g. 公安专用设备
    int min_life_months = 0;    // the table's floor
    int life_months = 0;        // the agency's choice, >= the floor
};

struct AssetCard {
    Id id = 0;
    Id device_id = 0;
    std::string device_serial;
    std::string asset_number;  // 资产编号, unique
    std::string category_code;
    CivilDate purchase_date;
    CivilDate in_service_date;
    Fen original_value = 0;  // 原值
    std::string funding_source;  // 资金来源, e.g. 财政拨款
    std::string supplier;
    std::string invoice_number;
    std::optional<CivilDate> warranty_end;
    int useful_life_months = 0;
    DepreciationMethod method = DepreciationMethod::StraightLine;
    std::int64_t total_workload_hours = 0;  // workload method only: hours of use over its life
    std::string location;                   // 存放地点
    Timestamp registered_at;
    std::string registered_by;
    std::optional<CivilDate> disposed_on;  // set by an approved disposal (报废)
};

}  // namespace custody
