// R2: custodyctl allocation counts each unit's officers and devices against its class.
// The small agency: JJ01 (class A) 3 officers and 2 cameras, XJ02 (class B) 1 officer and
// 2 cameras.
#include <gtest/gtest.h>

#include "tests/cli/cli_helpers.h"

namespace custody::test {
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The table row of a unit, split on runs of two or more spaces.
std::vector<std::string> row_of(const std::string& out, const std::string& unit) {
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(unit, 0) != 0) continue;
        std::vector<std::string> cells;
        std::string cell;
        int spaces = 0;
        for (char c : line) {
            if (c == ' ') {
                ++spaces;
                continue;
            }
            if (spaces >= 2 && !cell.empty()) {
                cells.push_back(cell);
                cell.clear();
            } else if (spaces == 1) {
                cell += ' ';
            }
            spaces = 0;
            cell += c;
        }
        if (!cell.empty()) cells.push_back(cell);
        return cells;
    }
    return {};
}

TEST(CliAllocation, EachUnitAgainstItsClass_R2) {
    TempDir dir;
    const std::string db = dir.file("custody.db");
    ASSERT_TRUE(make_small_agency(dir, db));
    auto en = ctl(db, {"allocation"});
    ASSERT_EQ(en.exit_code, 0) << en.err;
    // unit, name, class, officers, standard, required, devices, shortfall, surplus, meets
    auto jj = row_of(en.out, "JJ01");
    ASSERT_EQ(jj.size(), 10u) << en.out;
    EXPECT_EQ(jj[3], "3");
    EXPECT_EQ(jj[4], "1 per 2");
    EXPECT_EQ(jj[5], "2");  // 3 / 2 rounded up
    EXPECT_EQ(jj[6], "2");
    EXPECT_EQ(jj[9], "yes");
    auto xj = row_of(en.out, "XJ02");
    ASSERT_EQ(xj.size(), 10u) << en.out;
    EXPECT_EQ(xj[5], "1");
    EXPECT_EQ(xj[8], "1");  // one camera more than the standard asks
    EXPECT_TRUE(contains(en.out, "2 units, 0 below the allocation standard (R2).")) << en.out;

    // A lost camera no longer counts: JJ01 falls one short.
    ASSERT_EQ(sqlite_shell(db, "UPDATE devices SET status = 'lost', slot = NULL WHERE serial = 'CAM-002';").exit_code, 0);
    auto zh = ctl(db, {"allocation"}, "zh");
    ASSERT_EQ(zh.exit_code, 0) << zh.err;
    jj = row_of(zh.out, "JJ01");
    ASSERT_EQ(jj.size(), 10u) << zh.out;
    EXPECT_EQ(jj[2], "甲类");
    EXPECT_EQ(jj[6], "1");
    EXPECT_EQ(jj[7], "1");
    EXPECT_EQ(jj[9], "否");
    EXPECT_TRUE(contains(zh.out, "2 个单位，1 个未达配备标准（R2）。")) << zh.out;
}

}  // namespace
}  // namespace custody::test
