// R3: dates as a finance clerk types them into a spreadsheet, and day counts for repair
// downtime.
#include <gtest/gtest.h>

#include "kiosk/core/asset_card_import.h"

namespace custody {
namespace {

TEST(SheetDate, AcceptsTheWaysSpreadsheetsWriteARealDay) {
    EXPECT_EQ(parse_sheet_date("2024-02-29"), (CivilDate{2024, 2, 29}));
    EXPECT_EQ(parse_sheet_date("2024/2/29"), (CivilDate{2024, 2, 29}));
    EXPECT_EQ(parse_sheet_date("2024.02.09"), (CivilDate{2024, 2, 9}));
}

TEST(SheetDate, RefusesDaysThatDoNotExistAndOtherText) {
    for (const char* bad : {"2025-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01", "2024-01", "2024-01-01 ",
                            "2024-01-01x", "", "二〇二四年", "2024--01-01"})
        EXPECT_FALSE(parse_sheet_date(bad)) << bad;
}

TEST(DaysBetween, CountsAcrossMonthsLeapDaysAndYears) {
    EXPECT_EQ(days_between({2024, 2, 28}, {2024, 3, 1}), 2);
    EXPECT_EQ(days_between({2025, 2, 28}, {2025, 3, 1}), 1);
    EXPECT_EQ(days_between({2025, 12, 31}, {2026, 1, 1}), 1);
    EXPECT_EQ(days_between({2026, 1, 1}, {2025, 1, 1}), -365);
    EXPECT_EQ(days_between({2024, 1, 1}, {2025, 1, 1}), 366);
}

}  // namespace
}  // namespace custody
