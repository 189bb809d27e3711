// custodyctl retention against real archived footage (R18, R19, R20): what is due, a
// keeper's purge that deletes the file and keeps its record, and every refusal leaving
// the recording, its file and its SHA256SUMS line exactly as they were.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/cli/footage_fixture.h"

namespace fs = std::filesystem;

namespace custody::test {
namespace {

constexpr const char* kKeeper = "010003";   // 欧阳明轩, keeper of JJ01
constexpr const char* kOfficer = "010001";  // 张伟, an officer

class RetentionTest : public FootageTest {
protected:
    void SetUp() override {
        ASSERT_TRUE(offload({"DCIM/100MEDIA/VID0001.MP4", "DCIM/100MEDIA/VID0002.MP4", "DCIM/100MEDIA/IMG0001.JPG"}));
        vid1_ = recording_id("VID0001.MP4");
        vid2_ = recording_id("VID0002.MP4");
        img_ = recording_id("IMG0001.JPG");
    }
    CommandResult purge(std::int64_t id, const std::string& approver, const std::string& reason,
                        const std::string& lang = "en") {
        const std::string rec = std::to_string(id);
        return run({"retention", "purge", "--recording", rec, "--approver", approver, "--reason", reason}, lang);
    }
    std::string manifest(std::int64_t id) { return read_file(job_folder(id) + "/SHA256SUMS"); }
    std::int64_t vid1_ = 0, vid2_ = 0, img_ = 0;
};

TEST_F(RetentionTest, DueListsOnlyOrdinaryFootagePastItsPeriod_R18) {
    auto none = run({"retention", "due"});
    ASSERT_EQ(none.exit_code, 0) << none.err;
    EXPECT_NE(none.out.find("No ordinary footage has outlived its retention (365 days)"), std::string::npos)
        << none.out;

    backdate(vid1_, 366);
    backdate(vid2_, 364);
    auto csv = run({"retention", "due", "--format", "csv"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    auto rows = parse_csv_output(csv.out);
    ASSERT_EQ(rows.size(), 2u) << csv.out;
    const int id = column(rows[0], "recording_id");
    const int device = column(rows[0], "device_serial");
    const int path = column(rows[0], "archive_path");
    ASSERT_GE(id, 0);
    ASSERT_GE(device, 0);
    ASSERT_GE(path, 0);
    EXPECT_EQ(rows[1][static_cast<std::size_t>(id)], std::to_string(vid1_));
    EXPECT_EQ(rows[1][static_cast<std::size_t>(device)], serial_);
    EXPECT_EQ(archive() + "/" + rows[1][static_cast<std::size_t>(path)], archive_path(vid1_));

    auto table = run({"retention", "due"}, "zh");
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_NE(table.out.find("待保管员审核清除"), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("VID0001.MP4"), std::string::npos) << table.out;
    EXPECT_EQ(table.out.find("VID0002.MP4"), std::string::npos) << "a day short of a year is not due: " << table.out;
}

TEST_F(RetentionTest, AKeepersPurgeDeletesTheFileAndKeepsItsRecord_R18) {
    backdate(vid1_, 400);
    const std::string file = archive_path(vid1_);
    const std::string sha = sql_text(db(), "SELECT sha256 FROM recordings WHERE id=" + std::to_string(vid1_) + ";");
    ASSERT_TRUE(fs::exists(file));
    ASSERT_NE(manifest(vid1_).find("VID0001.MP4"), std::string::npos);

    auto r = purge(vid1_, kKeeper, "审核：无证据价值，到期清除");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Cleared recording " + std::to_string(vid1_)), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("欧阳明轩"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(sha), std::string::npos) << r.out;

    EXPECT_FALSE(fs::exists(file)) << "the archive file is deleted";
    const std::string id = std::to_string(vid1_);
    EXPECT_EQ(sql_text(db(), "SELECT sha256 FROM recordings WHERE id=" + id + ";"), sha) << "the row keeps its hash";
    EXPECT_EQ(sql_text(db(), "SELECT purged_by FROM recordings WHERE id=" + id + ";"), kKeeper);
    EXPECT_EQ(sql_text(db(), "SELECT purge_reason FROM recordings WHERE id=" + id + ";"), "审核：无证据价值，到期清除");
    EXPECT_EQ(sql_int(db(), "SELECT purged_at_ms IS NOT NULL FROM recordings WHERE id=" + id + ";"), 1);

    const std::string decided = last_audit("recording_purged");
    EXPECT_NE(decided.find(std::string(kKeeper) + "|recording:" + id), std::string::npos) << decided;
    EXPECT_NE(decided.find("reason=审核：无证据价值"), std::string::npos) << decided;
    EXPECT_NE(decided.find("approver=010003 欧阳明轩"), std::string::npos) << decided;
    EXPECT_NE(decided.find(sha), std::string::npos) << decided;
    EXPECT_NE(last_audit("recording_purge_completed").find("removed=yes"), std::string::npos);

    // The folder still checks with coreutils alone, and the archive check is quiet.
    EXPECT_EQ(manifest(vid1_).find("VID0001.MP4"), std::string::npos) << manifest(vid1_);
    auto sums = shell("cd " + quoted(job_folder(vid1_)) + " && sha256sum -c SHA256SUMS");
    EXPECT_EQ(sums.exit_code, 0) << sums.out << sums.err;
    auto archive_check = run({"verify", "--archive"});
    EXPECT_EQ(archive_check.exit_code, 0) << archive_check.out << archive_check.err;
    EXPECT_NE(archive_check.out.find("Archive intact: 2 files"), std::string::npos) << archive_check.out;
    auto audit = run({"verify"});
    EXPECT_EQ(audit.exit_code, 0) << audit.err;

    auto due = run({"retention", "due", "--format", "csv"});
    EXPECT_EQ(parse_csv_output(due.out).size(), 1u) << "only the header is left: " << due.out;

    auto again = purge(vid1_, kKeeper, "again");
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find("Already cleared"), std::string::npos) << again.out;
    EXPECT_EQ(sql_text(db(), "SELECT purge_reason FROM recordings WHERE id=" + id + ";"), "审核：无证据价值，到期清除")
        << "a repeated purge does not rewrite the decision";
}

// The order a purge uses: the decision is committed before the file is deleted. A run
// cut short between the two leaves a purged row beside its file, which the same command
// then finishes; nothing reads as archived while missing.
TEST_F(RetentionTest, APurgeCutShortAfterItsDecisionIsFinishedByRunningItAgain_R18) {
    backdate(vid2_, 400);
    auto cut = sqlite_shell(db(), "UPDATE recordings SET purged_at_ms = committed_at_ms + 1, purged_by = '010003', "
                                  "purge_reason = 'reviewed' WHERE id=" + std::to_string(vid2_) + ";");
    ASSERT_EQ(cut.exit_code, 0) << cut.err;
    ASSERT_TRUE(fs::exists(archive_path(vid2_)));
    auto quiet = run({"verify", "--archive"});
    EXPECT_EQ(quiet.exit_code, 0) << "an orphan file beside a purged row is not damage: " << quiet.out;

    auto r = purge(vid2_, kKeeper, "");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Finished the earlier purge"), std::string::npos) << r.out;
    EXPECT_FALSE(fs::exists(archive_path(vid2_)));
    EXPECT_EQ(manifest(vid2_).find("VID0002.MP4"), std::string::npos);
    EXPECT_EQ(sql_text(db(), "SELECT purge_reason FROM recordings WHERE id=" + std::to_string(vid2_) + ";"),
              "reviewed");
    auto sums = shell("cd " + quoted(job_folder(vid2_)) + " && sha256sum -c SHA256SUMS");
    EXPECT_EQ(sums.exit_code, 0) << sums.out << sums.err;
}

TEST_F(RetentionTest, RefusedPurgesChangeNothingAndAreAudited_R18_R19_R20) {
    // vid1: evidence, vid2: long-term, img: ordinary but inside its year.
    ASSERT_EQ(run({"evidence", "hold", "--recording", std::to_string(vid1_), "--case", "刑立字(2026)第7号"}).exit_code, 0);
    ASSERT_EQ(run({"retention", "keep", "--recording", std::to_string(vid2_), "--reason", "行政复议或诉讼"}).exit_code, 0);
    backdate(vid1_, 400);
    backdate(vid2_, 400);
    backdate(img_, 300);
    const std::string before = recordings_snapshot();
    const std::string manifest_before = manifest(vid1_);

    struct Attempt {
        std::int64_t id;
        std::string approver, reason, message;
    };
    const std::vector<Attempt> attempts = {
        {vid1_, kKeeper, "no value", "is evidence in case 刑立字(2026)第7号 and is kept with the case file"},
        {vid2_, kKeeper, "no value", "is kept long-term (review_or_litigation); it cannot be cleared (R20)"},
        {img_, kKeeper, "no value", "must be kept until "},
        {img_, kOfficer, "no value", "张伟 (010001) is not an active keeper and cannot approve clearing footage"},
        {img_, "999999", "no value", "Officer number 999999 does not exist"},
        {vid1_, kKeeper, "   ", "Clearing footage needs the reason the review found"},
        {99, kKeeper, "no value", "There is no recording 99"},
    };
    for (const auto& a : attempts) {
        const std::int64_t seq = sql_int(db(), "SELECT max(seq) FROM audit_log;");
        auto r = purge(a.id, a.approver, a.reason);
        EXPECT_EQ(r.exit_code, 1) << a.message << ": " << r.out;
        EXPECT_NE(r.err.find(a.message), std::string::npos) << r.err;
        EXPECT_EQ(sql_int(db(), "SELECT count(*) FROM audit_log WHERE action='recording_purge_refused' AND seq > " +
                                    std::to_string(seq) + ";"),
                  1)
            << a.message;
    }
    EXPECT_EQ(recordings_snapshot(), before);
    EXPECT_EQ(manifest(vid1_), manifest_before);
    for (auto id : {vid1_, vid2_, img_}) EXPECT_TRUE(fs::exists(archive_path(id))) << id;

    // The expiry date named is the commit plus the profile's year.
    auto early = purge(img_, kKeeper, "no value", "zh");
    EXPECT_NE(early.err.find("的保存期到 "), std::string::npos) << early.err;
    EXPECT_NE(early.err.find("才届满，现在不能清除（R18）"), std::string::npos) << early.err;
    auto audit = run({"verify"});
    EXPECT_EQ(audit.exit_code, 0) << audit.err;
}

TEST_F(RetentionTest, AMissingOrAlteredArchiveCopyIsALossNotAPurge_R12_R18) {
    backdate(vid1_, 400);
    backdate(vid2_, 400);
    fs::permissions(archive_path(vid1_), fs::perms::owner_write, fs::perm_options::add);
    write_file(archive_path(vid1_), "altered");
    fs::remove(archive_path(vid2_));
    const std::string before = recordings_snapshot();
    for (auto id : {vid1_, vid2_}) {
        auto r = purge(id, kKeeper, "no value");
        EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
        EXPECT_NE(r.err.find("a loss or change is not a purge"), std::string::npos) << r.err;
    }
    EXPECT_EQ(recordings_snapshot(), before);
    auto damaged = run({"verify", "--archive"});
    EXPECT_EQ(damaged.exit_code, 3) << "both are still reported by the archive check: " << damaged.out;
}

TEST_F(RetentionTest, LongTermTakesAReasonFromR20sListByCodeOrName_R20) {
    auto bad = run({"retention", "keep", "--recording", std::to_string(img_), "--reason", "because"});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("\"because\" is not a reason for long-term preservation; allowed: complaint_likely/"),
              std::string::npos)
        << bad.err;
    auto ok = run({"retention", "keep", "--recording", std::to_string(img_), "--reason", "public_report"});
    ASSERT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_EQ(sql_text(db(), "SELECT retention || ',' || long_term_reason FROM recordings WHERE id=" +
                                 std::to_string(img_) + ";"),
              "long_term,public_report");
    auto twice = run({"retention", "keep", "--recording", std::to_string(img_), "--reason", "群众举报"});
    EXPECT_EQ(twice.exit_code, 1);
    EXPECT_NE(twice.err.find("is already kept long-term (public_report)"), std::string::npos) << twice.err;
    EXPECT_NE(last_audit("recording_long_term").find("class_before=ordinary; class=long_term"), std::string::npos);
}

}  // namespace
}  // namespace custody::test
