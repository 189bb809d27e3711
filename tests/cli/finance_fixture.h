#pragma once
// The small agency (cli_helpers.h) with what finance needs: a unit head for each unit, a
// finance clerk, and an asset card for each camera.
//   officers: 010009 赵主任 (unit head, JJ01), 020009 钱主任 (unit head, XJ02), 090001 孙会计 (finance, JJ01)
//   cards: GA-001..GA-004 for CAM-001..CAM-004, 广播、电视、电影设备 (60-month floor),
//          in service 2026-01-15; CAM-001 3,000.00 (50.00 a month), CAM-002 2,999.99,
//          CAM-003 3,600.00, CAM-004 3,280.00 by workload over 6,000 hours.
#include <string>

#include "tests/cli/cli_helpers.h"

namespace custody::test {

inline const char* kCardsCsv =
    "资产编号,设备序列号,资产分类,购置日期,投入使用日期,原值（元）,资金来源,供应商,发票号,保修截止日期,"
    "使用年限（月）,折旧方法,总工作量（小时）,存放地点\n"
    "GA-001,CAM-001,broadcast_av,2026-01-10,2026-01-15,\"3,000.00\",财政拨款,海康威视,FP001,2029-01-09,,,,装备室\n"
    "GA-002,CAM-002,广播、电视、电影设备,2026/1/10,2026-01-15,2999.99,财政拨款,大华,FP002,,60,straight_line,,装备室\n"
    "GA-003,CAM-003,broadcast_av,2026-01-10,2026-01-15,3600,财政拨款,警翼,FP003,,,,,装备室\n"
    "GA-004,CAM-004,broadcast_av,2026-01-10,2026-01-15,3280.00,财政拨款,警翼,FP004,,,workload,6000,装备室\n";

inline ::testing::AssertionResult make_finance_agency(const TempDir& dir, const std::string& db) {
    if (auto ok = make_small_agency(dir, db); !ok) return ok;
    const std::string officers = dir.file("finance_officers.csv");
    write_file(officers, "number,name,unit_code,role\n010009,赵主任,JJ01,unit_head\n020009,钱主任,XJ02,unit_head\n"
                         "090001,孙会计,JJ01,finance\n");
    auto r = ctl(db, {"import", "officers", officers});
    if (r.exit_code != 0) return ::testing::AssertionFailure() << "officers: " << r.err;
    const std::string cards = dir.file("cards.csv");
    write_file(cards, kCardsCsv);
    r = ctl(db, {"assets", "import", cards});
    if (r.exit_code != 0) return ::testing::AssertionFailure() << "cards: " << r.err;
    return ::testing::AssertionSuccess();
}

}  // namespace custody::test
