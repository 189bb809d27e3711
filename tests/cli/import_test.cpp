// A bad registry CSV is rejected whole: exit 1, stderr names the file, the line and the
// reason (Chinese by default, English on request), nothing reaches the tables, and the
// rejection itself is in the audit log as import_rejected.
#include <gtest/gtest.h>

#include "tests/cli/cli_helpers.h"

namespace custody::test {
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

class CliImportRejects : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = dir_.file("custody.db");
        ASSERT_TRUE(make_small_registry(dir_, db_));
    }

    struct Counts {
        std::int64_t units, officers, devices, badges, rejected;
        bool operator==(const Counts&) const = default;
    };
    Counts counts() const {
        return {row_count(db_, "units"), row_count(db_, "officers"), row_count(db_, "devices"),
                row_count(db_, "badges"),
                sql_int(db_, "SELECT count(*) FROM audit_log WHERE action='import_rejected';")};
    }

    // Imports `body` as `kind`, expecting a rejection at `line`; checks the messages in
    // both languages, that nothing changed, and that each attempt was audited.
    void expect_rejected(const std::string& kind, const std::string& body, int line, const std::string& zh_reason,
                         const std::string& en_reason) {
        const std::string path = dir_.file("bad-" + kind + ".csv");
        write_file(path, body);
        const Counts before = counts();

        auto zh = ctl(db_, {"import", kind, path}, "zh");
        EXPECT_EQ(zh.exit_code, 1) << zh.out << zh.err;
        EXPECT_TRUE(contains(zh.err, path + " 第 " + std::to_string(line) + " 行有误，整个文件未导入")) << zh.err;
        EXPECT_TRUE(contains(zh.err, zh_reason)) << zh.err;
        EXPECT_EQ(zh.out, "");

        auto en = ctl(db_, {"import", kind, path});
        EXPECT_EQ(en.exit_code, 1) << en.out << en.err;
        EXPECT_TRUE(contains(en.err, path + " line " + std::to_string(line) +
                                         " is wrong; nothing from the file was "
                                         "imported"))
            << en.err;
        EXPECT_TRUE(contains(en.err, en_reason)) << en.err;

        Counts after = counts();
        EXPECT_EQ(after.rejected, before.rejected + 2) << "each rejected import leaves an import_rejected entry";
        after.rejected = before.rejected;
        EXPECT_TRUE(after == before) << "a rejected file must not change the registry";
        EXPECT_EQ(sql_text(db_,
                           "SELECT subject FROM audit_log WHERE action='import_rejected' ORDER BY seq DESC "
                           "LIMIT 1;"),
                  path);
        auto verify = ctl(db_, {"verify"});
        EXPECT_EQ(verify.exit_code, 0) << verify.err;
    }

    TempDir dir_;
    std::string db_;
};

TEST_F(CliImportRejects, WrongColumnCountOnLine4) {
    expect_rejected("officers",
                    "警号,姓名,单位代码\n030001,赵敏,JJ01\n030002,钱磊,JJ01\n030003,孙丽,JJ01,多余\n030004,周强,XJ02\n",
                    4, "应有 3 列，实有 4 列", "expected 3 columns, found 4");
}

TEST_F(CliImportRejects, InvalidUtf8NamesTheLine) {
    // GBK bytes for 张三, as a spreadsheet saving in the legacy code page would write them.
    expect_rejected("officers", "number,name,unit_code\n030001,赵敏,JJ01\n030002,\xD5\xC5\xC8\xFD,JJ01\n", 3,
                    "不是有效的 UTF-8 文本", "not valid UTF-8 text");
}

TEST_F(CliImportRejects, UnknownUnit) {
    expect_rejected("officers", "\xEF\xBB\xBF警号,姓名,单位代码\n030001,赵敏,JJ01\n030002,钱磊,ZZ99\n", 3,
                    "单位代码 ZZ99 不存在", "unit code ZZ99 does not exist");
}

TEST_F(CliImportRejects, DuplicateNumberInTheFile) {
    expect_rejected("officers", "警号,姓名,单位代码\n030001,赵敏,JJ01\n030002,钱磊,JJ01\n030001,赵敏,XJ02\n", 4,
                    "“030001”在文件第 2 行已出现过", "\"030001\" already appears on line 2 of the file");
}

TEST_F(CliImportRejects, NumberAlreadyRegistered) {
    expect_rejected("officers", "警号,姓名,单位代码\n030001,赵敏,JJ01\n010001,张伟,JJ01\n", 3, "“010001”已登记",
                    "\"010001\" is already registered");
}

TEST_F(CliImportRejects, DeviceWithUnknownKindAndBadgeOfUnknownOfficer) {
    expect_rejected("devices",
                    "serial,kind,brand,model,unit_code\nCAM-009,body_camera,大华,X,JJ01\nCAM-010,望远镜,大华,X,JJ01\n",
                    3, "“kind”的值“望远镜”无效", "\"kind\" has the invalid value \"望远镜\"");
    expect_rejected("badges", "卡号,警号\n04A23B99,999999\n", 2, "警号 999999 不存在",
                    "officer number 999999 does not exist");
}

TEST_F(CliImportRejects, MissingRequiredColumnIsTheHeaderLine) {
    expect_rejected("units", "代码,单位名称,配备类别\nGA03,治安大队,A\n", 1, "表头缺少列“code”",
                    "the header lacks the column \"code\"");
}

TEST_F(CliImportRejects, AGoodFileStillImportsAfterRejections) {
    write_file(dir_.file("bad.csv"), "警号,姓名,单位代码\n030001,赵敏,ZZ99\n");
    EXPECT_EQ(ctl(db_, {"import", "officers", dir_.file("bad.csv")}).exit_code, 1);
    write_file(dir_.file("good.csv"), "警号,姓名,单位代码\n030001,赵敏,JJ01\n");
    auto r = ctl(db_, {"import", "officers", dir_.file("good.csv")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(sql_text(db_, "SELECT name FROM officers WHERE number='030001';"), "赵敏");
}

TEST_F(CliImportRejects, UnreadableFileIsAnEnvironmentProblem) {
    const Counts before = counts();
    auto r = ctl(db_, {"import", "officers", dir_.file("no-such.csv")});
    EXPECT_EQ(r.exit_code, 4);
    EXPECT_TRUE(contains(r.err, "Cannot read file " + dir_.file("no-such.csv"))) << r.err;
    EXPECT_TRUE(counts() == before);
}

}  // namespace
}  // namespace custody::test
