// custodyctl evidence against real archived footage (R19, R20, R21): recordings held for
// a case, the package a court can check with sha256sum alone, its disc image made by the
// real xorriso and read back by it, and the two labelled discs on record.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "tests/cli/footage_fixture.h"

namespace fs = std::filesystem;

namespace custody::test {
namespace {

constexpr const char* kCase = "刑立字(2026)第123号";

class EvidenceTest : public FootageTest {
protected:
    void SetUp() override {
        ASSERT_TRUE(offload({"DCIM/100MEDIA/VID0001.MP4", "DCIM/101MEDIA/VID0001.MP4", "AUDIO/AUD0001.WAV"}));
        for (const char* name : {"100MEDIA/VID0001.MP4", "101MEDIA/VID0001.MP4", "AUD0001.WAV"})
            ids_.push_back(recording_id(name));
    }
    void hold_all() {
        for (auto id : ids_) {
            auto r = run({"evidence", "hold", "--recording", std::to_string(id), "--case", kCase});
            ASSERT_EQ(r.exit_code, 0) << r.err;
        }
    }
    CommandResult export_case() {
        return run({"evidence", "export", "--case", kCase, "--maker", "欧阳明轩", "--extractor", "张伟", "--out", out()});
    }
    std::string out() const { return dir_.file("discs"); }
    std::string sha(std::int64_t id) {
        return sql_text(db(), "SELECT sha256 FROM recordings WHERE id=" + std::to_string(id) + ";");
    }
    std::vector<std::int64_t> ids_;
};

TEST_F(EvidenceTest, HoldMakesOrdinaryFootageEvidenceOfTheCase_R19) {
    auto r = run({"evidence", "hold", "--recording", std::to_string(ids_[0]), "--case", kCase}, "zh");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("随案保存（R19）"), std::string::npos) << r.out;
    EXPECT_EQ(sql_text(db(), "SELECT retention || ',' || case_number FROM recordings WHERE id=" +
                                 std::to_string(ids_[0]) + ";"),
              std::string("evidence,") + kCase);
    auto other = run({"evidence", "hold", "--recording", std::to_string(ids_[0]), "--case", "other"});
    EXPECT_EQ(other.exit_code, 1);
    EXPECT_NE(other.err.find(std::string("already belongs to case ") + kCase), std::string::npos) << other.err;
    auto blank = run({"evidence", "hold", "--recording", std::to_string(ids_[1]), "--case", " "});
    EXPECT_EQ(blank.exit_code, 1);
    EXPECT_NE(blank.err.find("A case number is needed (R19)"), std::string::npos) << blank.err;
    auto unknown = run({"evidence", "hold", "--recording", "77", "--case", kCase});
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_NE(unknown.err.find("There is no recording 77"), std::string::npos) << unknown.err;
    EXPECT_EQ(sql_int(db(), "SELECT count(*) FROM audit_log WHERE action='recording_evidence_refused';"), 3);
}

TEST_F(EvidenceTest, TheExportIsCheckedBySha256sumAndItsImageHoldsTheSameFiles_R19_R21) {
    hold_all();
    auto r = export_case();
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    const std::string folder = out() + "/" + kCase;
    const std::string iso = folder + ".iso";
    EXPECT_NE(r.out.find(folder), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(iso), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("3 files"), std::string::npos) << r.out;

    // Both files named VID0001.MP4 on the camera are kept apart.
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder)) names.push_back(e.path().filename().string());
    EXPECT_EQ(names.size(), 5u) << "three recordings, the note and SHA256SUMS";
    for (auto id : ids_) {
        const std::string prefix = "R" + std::to_string(id) + "_" + serial_ + "_";
        auto named = [&](const std::string& n) { return n.rfind(prefix, 0) == 0; };
        EXPECT_TRUE(std::any_of(names.begin(), names.end(), named)) << prefix;
    }

    auto check = shell("cd " + quoted(folder) + " && sha256sum -c SHA256SUMS");
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    const std::string sums = read_file(folder + "/SHA256SUMS");
    for (auto id : ids_) EXPECT_NE(sums.find(sha(id)), std::string::npos) << id;
    EXPECT_NE(sums.find("  说明.txt\n"), std::string::npos) << "the note is checked too";

    const std::string note = read_file(folder + "/说明.txt");
    EXPECT_TRUE(has_cjk(note));
    for (const std::string& want : {std::string("案件编号 / Case number：") + kCase, std::string("制作人 / Maker：欧阳明轩"),
                                    std::string("提取人 / Extractor：张伟"), std::string("制作单位 / Producing unit：示例市公安局"),
                                    std::string("提取时间 / Extracted at："), std::string("Asia/Shanghai"),
                                    std::string("设备 / Device：") + serial_,
                                    std::string("执法人员 / Officer：张伟（010001），交警一大队"),
                                    std::string("时长 / Duration：1 秒 / 1 s")})
        EXPECT_NE(note.find(want), std::string::npos) << want << "\n" << note;
    for (auto id : ids_) EXPECT_NE(note.find(sha(id)), std::string::npos) << id;

    // The image, read back by xorriso itself: the same names, the same bytes.
    auto listing = run_command({"xorriso", "-indev", iso, "-ls", "/"});
    ASSERT_EQ(listing.exit_code, 0) << listing.err;
    for (const auto& n : names)
        EXPECT_NE(listing.out.find("'" + n + "'"), std::string::npos) << n << "\n" << listing.out;
    const std::string extracted = dir_.file("extracted");
    auto extract = run_command({"xorriso", "-osirrox", "on", "-indev", iso, "-extract", "/", extracted});
    ASSERT_EQ(extract.exit_code, 0) << extract.err;
    auto recheck = shell("cd " + quoted(extracted) + " && sha256sum -c SHA256SUMS");
    EXPECT_EQ(recheck.exit_code, 0) << recheck.out << recheck.err;
    auto pvd = run_command({"xorriso", "-indev", iso, "-pvd_info"});
    EXPECT_NE(pvd.out.find("CASE_2026_123"), std::string::npos) << pvd.out;

    auto iso_sum = run_command({"sha256sum", iso});
    ASSERT_EQ(iso_sum.exit_code, 0);
    const std::string recorded = sql_text(db(), "SELECT iso_sha256 FROM evidence_exports WHERE id=1;");
    EXPECT_EQ(iso_sum.out.substr(0, 64), recorded);
    EXPECT_NE(r.out.find(recorded), std::string::npos) << r.out;
    EXPECT_EQ(sql_text(db(), "SELECT case_number || '|' || maker || '|' || extractor || '|' || recordings || '|' || "
                             "folder FROM evidence_exports WHERE id=1;"),
              std::string(kCase) + "|欧阳明轩|张伟|3|" + folder);
    EXPECT_NE(last_audit("evidence_exported").find("iso_sha256=" + recorded), std::string::npos);

    // A second export of the case never overwrites the first.
    auto again = export_case();
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_TRUE(fs::exists(folder + "-2/SHA256SUMS"));
    EXPECT_TRUE(fs::exists(folder + "-2.iso"));
    EXPECT_EQ(sql_int(db(), "SELECT count(*) FROM evidence_exports;"), 2);
    auto audit = run({"verify"});
    EXPECT_EQ(audit.exit_code, 0) << audit.err;
}

TEST_F(EvidenceTest, TwoDiscsAreRecordedWithLabelsAndAShortfallIsFlagged_R20) {
    hold_all();
    ASSERT_EQ(export_case().exit_code, 0);
    auto first = run({"evidence", "copy", "--export", "1"});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    const std::string label1 = sql_text(db(), "SELECT label FROM evidence_copies WHERE copy_number=1;");
    for (const std::string& want : {std::string("示例市公安局"), std::string(kCase), std::string("制作人 欧阳明轩"),
                                    std::string("制作日期 "), std::string("第 1 份")})
        EXPECT_NE(label1.find(want), std::string::npos) << want << " in " << label1;
    EXPECT_NE(first.out.find("discs recorded: 1;"), std::string::npos) << first.out;

    auto listed = run({"evidence", "list", "--case", kCase});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    EXPECT_NE(listed.out.find("disc 1: " + label1), std::string::npos) << listed.out;
    EXPECT_NE(listed.out.find("! discs recorded: 1; long-term preservation needs two copies (R20)"), std::string::npos)
        << listed.out;

    auto second = run({"evidence", "copy", "--export", "1", "--label", "示例市公安局 刑立字(2026)第123号 欧阳明轩 第2份"});
    ASSERT_EQ(second.exit_code, 0) << second.err;
    auto full = run({"evidence", "list", "--case", kCase}, "zh");
    ASSERT_EQ(full.exit_code, 0) << full.err;
    EXPECT_NE(full.out.find("光盘 2: 示例市公安局 刑立字(2026)第123号 欧阳明轩 第2份"), std::string::npos) << full.out;
    EXPECT_EQ(full.out.find("只登记了"), std::string::npos) << "two discs are enough: " << full.out;
    EXPECT_EQ(sql_text(db(), "SELECT group_concat(copy_number) FROM evidence_copies WHERE export_id=1;"), "1,2");

    auto blank = run({"evidence", "copy", "--export", "1", "--label", " "});
    EXPECT_EQ(blank.exit_code, 1);
    EXPECT_NE(blank.err.find("A disc label cannot be empty (R20)"), std::string::npos) << blank.err;
    auto unknown = run({"evidence", "copy", "--export", "9"});
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_NE(unknown.err.find("There is no evidence export 9"), std::string::npos) << unknown.err;
    EXPECT_EQ(sql_int(db(), "SELECT count(*) FROM evidence_copies;"), 2);
    EXPECT_EQ(sql_int(db(), "SELECT count(*) FROM audit_log WHERE action='evidence_copy_refused';"), 2);
}

TEST_F(EvidenceTest, AnExportIsRefusedWithoutFootageOrNamesAndLeavesNothingBehind_R19) {
    auto empty = export_case();
    EXPECT_EQ(empty.exit_code, 1);
    EXPECT_NE(empty.err.find(std::string("Case ") + kCase + " has no archived recordings to export"), std::string::npos)
        << empty.err;
    hold_all();
    auto nameless = run({"evidence", "export", "--case", kCase, "--maker", "欧阳明轩", "--out", out()});
    EXPECT_EQ(nameless.exit_code, 1);
    EXPECT_NE(nameless.err.find("An evidence export needs its maker and its extractor (R19)"), std::string::npos)
        << nameless.err;
    // An altered archive copy is not exported as evidence, and no half-made package stays.
    const std::string file = archive_path(ids_[2]);
    fs::permissions(file, fs::perms::owner_write, fs::perm_options::add);
    write_file(file, "altered");
    auto altered = export_case();
    EXPECT_EQ(altered.exit_code, 3) << altered.out;
    EXPECT_NE(altered.err.find("does not match its record and cannot be exported as evidence"), std::string::npos)
        << altered.err;
    EXPECT_TRUE(!fs::exists(out()) || fs::is_empty(out()));
    EXPECT_EQ(row_count(db(), "evidence_exports"), 0);
    EXPECT_EQ(sql_int(db(), "SELECT count(*) FROM audit_log WHERE action='evidence_export_refused';"), 3);
}

}  // namespace
}  // namespace custody::test
