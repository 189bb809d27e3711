// The retention rule (R18–R20) on its own, and the services that change a recording's
// class, clear it and package a case, against a real SqliteStore driven by a ManualClock
// and an archive in memory that can be made to fail where a crash would cut in.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "kiosk/core/archive_check.h"
#include "kiosk/core/evidence_package.h"
#include "kiosk/core/footage_retention.h"
#include "tests/support/store_fixture.h"

namespace fs = std::filesystem;

namespace custody {
namespace {

using test::StoreFixture;

constexpr const char* kKeeper = "100004";   // 赵强, keeper
constexpr const char* kOfficer = "100001";  // 张伟
constexpr const char* kJobDir = "2026/03/02/ZD-CAM-01/1";

std::string hex_of(char c) { return std::string(64, c); }

// An archive in memory: each file is its hash; remove can be made to fail as a full
// or read-only disk would, or as a crash right after the decision was committed looks.
class MemoryArchive final : public FootageArchive {
public:
    explicit MemoryArchive(fs::path root) : root_(std::move(root)) {}
    std::map<std::string, std::string> files;
    std::map<std::string, std::vector<ManifestLine>> manifests;
    bool remove_fails = false;

    Result<ArchivedCopy> copy_in(const std::string&, const std::string&, const ByteProgress&) override {
        throw std::logic_error("not used");
    }
    Status discard(const std::string&) override { return {}; }
    Result<std::string> rehash(const std::string& relative) override {
        auto it = files.find(relative);
        if (it == files.end()) return fail(Error(MessageId::ArchiveFileMissing, {relative}));
        return it->second;
    }
    Status write_manifest(const std::string& dir, const std::vector<ManifestLine>& lines) override {
        manifests[dir] = lines;
        return {};
    }
    Result<std::vector<ManifestLine>> read_manifest(const std::string& dir) override {
        auto it = manifests.find(dir);
        if (it == manifests.end()) return fail(Error(MessageId::ArchiveFileMissing, {dir + "/SHA256SUMS"}));
        return it->second;
    }
    Status remove(const std::string& relative) override {
        if (remove_fails) return fail(Error(MessageId::ArchiveWriteError, {relative, "Read-only file system"}));
        if (relative.size() > 11 && relative.substr(relative.size() - 11) == "/SHA256SUMS") {
            manifests.erase(relative.substr(0, relative.size() - 11));
            return {};
        }
        if (!files.erase(relative)) return fail(Error(MessageId::ArchiveFileMissing, {relative}));
        return {};
    }
    Result<std::int64_t> free_bytes() override { return std::int64_t{1} << 40; }
    std::string absolute(const std::string& relative) const override { return (root_ / relative).string(); }

private:
    fs::path root_;
};

Recording committed_recording(Id job, Id device, const std::string& name, char hash, Timestamp at) {
    Recording r;
    r.job_id = job;
    r.device_id = device;
    r.source_path = "DCIM/100MEDIA/" + name;
    r.bytes = 1000;
    r.state = RecordingState::Committed;
    r.sha256 = hex_of(hash);
    r.archive_path = std::string(kJobDir) + "/" + r.source_path;
    r.media.kind = MediaKind::Video;
    r.media.duration_ms = 61000;
    r.corrected_start = Timestamp{at.ms - 3600 * 1000};
    r.verified_at = at;
    r.committed_at = at;
    return r;
}

class RetentionServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        f.register_agency();
        const Id device = f.device("ZD-CAM-01").id;
        auto tx = f.store().begin().value();
        OffloadJob job;
        job.device_id = device;
        job.slot = 1;
        job.started_at = f.clock().now();
        job.archive_dir = kJobDir;
        job.state = OffloadJobState::Complete;
        job_ = tx->add_offload_job(job, {"test", "offload_started", "ZD-CAM-01", ""}).value();
        for (auto [name, hash] : {std::pair{"VID0001.MP4", 'a'}, {"VID0002.MP4", 'b'}, {"VID0003.MP4", 'c'}}) {
            Recording r = committed_recording(job_, job.device_id, name, hash, f.clock().now());
            ids_.push_back(tx->add_recording(r, {"test", "recording_committed", "ZD-CAM-01", ""}).value());
            archive.files[r.archive_path] = r.sha256;
            archive.manifests[kJobDir].push_back({r.sha256, r.source_path});
        }
        ASSERT_TRUE(tx->commit().ok());
    }
    Recording row(Id id) {
        auto tx = f.store().begin().value();
        return tx->recording(id).value().value();
    }
    void put(const Recording& r) {
        auto tx = f.store().begin().value();
        ASSERT_TRUE(tx->update_recording(r, {"test", "setup", "", ""}).ok());
        ASSERT_TRUE(tx->commit().ok());
    }
    std::string path(Id id) { return row(id).archive_path; }
    FootageRetention retention() { return FootageRetention(f.store(), f.clock(), archive); }
    void advance_days(std::int64_t days) { f.clock().advance_ms(days * kMsPerDay); }

    StoreFixture f;
    MemoryArchive archive{f.dir().path() / "archive"};
    Id job_ = 0;
    std::vector<Id> ids_;
};

TEST(RetentionRule, OrdinaryFootageExpiresItsPeriodAfterItsCommit_R18) {
    AgencyProfile p;
    p.retention_days = 90;
    const Timestamp at{1'772'409'600'000};
    Recording r = committed_recording(1, 1, "A.MP4", 'a', at);
    ASSERT_TRUE(retention_expiry(r, p));
    EXPECT_EQ(retention_expiry(r, p)->ms, at.ms + 90 * kMsPerDay);
    const Timestamp expiry = *retention_expiry(r, p);
    EXPECT_EQ(retention_verdict(r, p, Timestamp{expiry.ms - 1}).status, RetentionStatus::Kept);
    EXPECT_EQ(retention_verdict(r, p, expiry).status, RetentionStatus::Due);
    EXPECT_EQ(retention_verdict(r, p, expiry).expires_at, expiry);
    p.retention_days = 365;
    EXPECT_EQ(retention_verdict(r, p, expiry).status, RetentionStatus::Kept) << "the period is the profile's";

    r.state = RecordingState::Wiped;
    EXPECT_EQ(retention_verdict(r, p, Timestamp{at.ms + 400 * kMsPerDay}).status, RetentionStatus::Due);
}

TEST(RetentionRule, EvidenceLongTermUncommittedAndPurgedAreNeverDue_R19_R20) {
    AgencyProfile p;
    const Timestamp at{1'772'409'600'000};
    const Timestamp much_later{at.ms + 10 * 365 * kMsPerDay};
    Recording evidence = committed_recording(1, 1, "E.MP4", 'e', at);
    evidence.retention = RetentionClass::Evidence;
    evidence.case_number = "C-1";
    Recording kept = committed_recording(1, 1, "L.MP4", 'l', at);
    kept.retention = RetentionClass::LongTerm;
    kept.long_term_reason = LongTermReason::PublicReport;
    Recording verified = committed_recording(1, 1, "V.MP4", 'f', at);
    verified.state = RecordingState::Verified;
    verified.committed_at.reset();
    Recording purged = committed_recording(1, 1, "P.MP4", 'd', at);
    purged.purged_at = Timestamp{at.ms + 400 * kMsPerDay};
    EXPECT_EQ(retention_verdict(evidence, p, much_later).status, RetentionStatus::Evidence);
    EXPECT_EQ(retention_verdict(kept, p, much_later).status, RetentionStatus::LongTerm);
    EXPECT_EQ(retention_verdict(verified, p, much_later).status, RetentionStatus::NotCommitted);
    EXPECT_EQ(retention_verdict(purged, p, much_later).status, RetentionStatus::Purged);
    for (const auto* r : {&evidence, &kept, &verified, &purged}) EXPECT_FALSE(retention_expiry(*r, p));

    Recording older = committed_recording(1, 1, "O.MP4", 'o', Timestamp{at.ms - kMsPerDay});
    Recording newer = committed_recording(1, 1, "N.MP4", 'n', at);
    auto due = due_for_purge({newer, evidence, kept, verified, purged, older}, p, much_later);
    ASSERT_EQ(due.size(), 2u);
    EXPECT_EQ(due[0].source_path, older.source_path) << "oldest expiry first";
    EXPECT_EQ(due[1].source_path, newer.source_path);
}

TEST(EvidenceNames, LabelFolderAndDiscLabelFollowTheirFormats_R20) {
    EXPECT_EQ(iso_volume_label("刑立字(2026)第123号"), "CASE_2026_123");
    EXPECT_EQ(iso_volume_label("jx-2026-0042"), "CASE_JX_2026_0042");
    EXPECT_EQ(iso_volume_label("案件"), "EVIDENCE");
    const std::string longest = iso_volume_label("A123456789012345678901234567890123456789");
    EXPECT_LE(longest.size(), 32u);
    for (char c : longest) EXPECT_TRUE((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') << longest;
    EXPECT_EQ(package_folder_name("2026/07\\x"), "2026_07_x");
    EXPECT_EQ(package_folder_name(".."), "_..");
    EvidenceExport e;
    e.case_number = "C-9";
    e.maker = "赵强";
    e.made_at = Timestamp{1'772'409'600'000};
    const std::string label = default_disc_label(e, "示例公安局", 2);
    for (const char* want : {"示例公安局", "案件编号 C-9", "制作人 赵强", "制作日期 20", "第 2 份"})
        EXPECT_NE(label.find(want), std::string::npos) << want << " in " << label;
}

TEST_F(RetentionServiceTest, APurgeWaitsForTheLastMillisecondOfTheProfilesPeriod_R18) {
    f.set_profile("retention_days", "90");
    f.clock().advance_ms(90 * kMsPerDay - 1);
    auto early = retention().purge({ids_[0], kKeeper, "reviewed"});
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().id, MessageId::RetentionNotExpired);
    EXPECT_EQ(row(ids_[0]).purged_at, std::nullopt);
    f.clock().advance_ms(1);
    auto done = retention().purge({ids_[0], kKeeper, "  reviewed: nothing of value  "});
    ASSERT_TRUE(done.ok()) << log_line(done.error());
    EXPECT_FALSE(done->completed_earlier_purge);
    EXPECT_FALSE(done->file_already_gone);
    const Recording r = row(ids_[0]);
    EXPECT_EQ(r.purged_at, f.clock().now());
    EXPECT_EQ(r.purged_by, kKeeper);
    EXPECT_EQ(r.purge_reason, "reviewed: nothing of value");
    EXPECT_EQ(r.sha256, hex_of('a'));
    EXPECT_FALSE(archive.files.count(r.archive_path));
    ASSERT_EQ(archive.manifests[kJobDir].size(), 2u);
    for (const auto& l : archive.manifests[kJobDir]) EXPECT_NE(l.sha256, hex_of('a'));
}

TEST_F(RetentionServiceTest, ACrashAfterTheDecisionLeavesAnOrphanFileThatTheSamePurgeRemoves_R18) {
    advance_days(366);
    archive.remove_fails = true;
    auto cut = retention().purge({ids_[1], kKeeper, "reviewed"});
    ASSERT_FALSE(cut.ok());
    EXPECT_EQ(cut.error().id, MessageId::PurgeFileNotRemoved);
    ASSERT_TRUE(cut.error().cause);
    EXPECT_EQ(cut.error().cause->id, MessageId::ArchiveWriteError);
    EXPECT_TRUE(row(ids_[1]).purged_at) << "the decision is on record before the file goes";
    EXPECT_TRUE(archive.files.count(path(ids_[1])));
    auto check = check_archive(f.store(), archive);
    ASSERT_TRUE(check.ok());
    EXPECT_TRUE(check->problems.empty()) << "an orphan file beside a purged row is not a loss";

    archive.remove_fails = false;
    const auto seq = f.last_audit_seq();
    auto finished = retention().purge({ids_[1], kKeeper, ""});
    ASSERT_TRUE(finished.ok()) << log_line(finished.error());
    EXPECT_TRUE(finished->completed_earlier_purge);
    EXPECT_FALSE(finished->file_already_gone);
    EXPECT_FALSE(archive.files.count(path(ids_[1])));
    EXPECT_EQ(row(ids_[1]).purge_reason, "reviewed");
    auto audit = f.audit_after(seq);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "recording_purge_completed");

    auto repeat = retention().purge({ids_[1], kKeeper, ""});
    ASSERT_TRUE(repeat.ok());
    EXPECT_TRUE(repeat->file_already_gone) << "a missing file is reported, not silently accepted";
}

TEST_F(RetentionServiceTest, AFileAlreadyMissingOrAlteredIsRefusedAndAudited_R12_R18) {
    advance_days(366);
    archive.files.erase(path(ids_[0]));
    archive.files[path(ids_[1])] = hex_of('9');
    const auto seq = f.last_audit_seq();
    for (Id id : {ids_[0], ids_[1]}) {
        auto r = retention().purge({id, kKeeper, "reviewed"});
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().id, MessageId::PurgeCopyNotIntact);
        ASSERT_TRUE(r.error().cause);
        EXPECT_FALSE(row(id).purged_at);
    }
    auto audit = f.audit_after(seq);
    ASSERT_EQ(audit.size(), 2u);
    EXPECT_EQ(audit[0].action, "recording_purge_refused");
    EXPECT_NE(audit[0].detail.find("cause=ArchiveFileMissing"), std::string::npos) << audit[0].detail;
    EXPECT_NE(audit[1].detail.find("cause=ArchiveHashMismatch"), std::string::npos) << audit[1].detail;
}

TEST_F(RetentionServiceTest, OnlyAnActiveKeeperApproves_R18) {
    advance_days(366);
    auto officer = retention().purge({ids_[0], kOfficer, "reviewed"});
    ASSERT_FALSE(officer.ok());
    EXPECT_EQ(officer.error().id, MessageId::PurgeApproverNotKeeper);
    {
        auto tx = f.store().begin().value();
        Id keeper = tx->officer_by_number(kKeeper).value()->id;
        ASSERT_TRUE(tx->set_officer_active(keeper, false, {"test", "officer_deactivated", kKeeper, ""}).ok());
        ASSERT_TRUE(tx->commit().ok());
    }
    auto inactive = retention().purge({ids_[0], kKeeper, "reviewed"});
    ASSERT_FALSE(inactive.ok());
    EXPECT_EQ(inactive.error().id, MessageId::PurgeApproverNotKeeper);
    EXPECT_TRUE(archive.files.count(path(ids_[0])));
}

TEST_F(RetentionServiceTest, ClassesOnlyGrowLongerAndAPurgedRecordingStaysPurged_R19_R20) {
    auto kept = retention().keep_long_term(ids_[0], LongTermReason::ComplaintLikely, "custodyctl");
    ASSERT_TRUE(kept.ok()) << log_line(kept.error());
    auto evidence = retention().classify_evidence(ids_[0], " C-7 ", "custodyctl");
    ASSERT_TRUE(evidence.ok()) << log_line(evidence.error());
    EXPECT_EQ(evidence->retention, RetentionClass::LongTerm) << "long-term stays long-term";
    EXPECT_EQ(evidence->case_number, "C-7");

    auto held = retention().classify_evidence(ids_[1], "C-7", "custodyctl");
    ASSERT_TRUE(held.ok());
    auto longer = retention().keep_long_term(ids_[1], LongTermReason::ReviewOrLitigation, "custodyctl");
    ASSERT_TRUE(longer.ok());
    EXPECT_EQ(longer->retention, RetentionClass::LongTerm);
    EXPECT_EQ(longer->case_number, "C-7") << "the case still finds it";

    Recording uncommitted = row(ids_[2]);
    uncommitted.state = RecordingState::Verified;
    {
        // A row still being offloaded, put in with its own job's state.
        auto tx = f.store().begin().value();
        uncommitted.id = 0;
        uncommitted.source_path = "DCIM/100MEDIA/VID0004.MP4";
        uncommitted.archive_path = std::string(kJobDir) + "/" + uncommitted.source_path;
        uncommitted.committed_at.reset();
        uncommitted.id = tx->add_recording(uncommitted, {"test", "recording_verified", "", ""}).value();
        ASSERT_TRUE(tx->commit().ok());
    }
    auto early = retention().classify_evidence(uncommitted.id, "C-7", "custodyctl");
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().id, MessageId::RecordingNotCommitted);

    advance_days(366);
    ASSERT_TRUE(retention().purge({ids_[2], kKeeper, "reviewed"}).ok());
    auto late = retention().classify_evidence(ids_[2], "C-7", "custodyctl");
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().id, MessageId::RecordingAlreadyPurged);
    auto late_keep = retention().keep_long_term(ids_[2], LongTermReason::PublicReport, "custodyctl");
    ASSERT_FALSE(late_keep.ok());
    EXPECT_EQ(late_keep.error().id, MessageId::RecordingAlreadyPurged);
}

// Media in memory too: a file's hash is looked up by its content, the note gets its own.
class TableMedia final : public EvidenceMedia {
public:
    std::map<std::string, std::string> hash_of_content;
    bool iso_fails = false;
    Result<std::string> sha256_of(const std::string& path) override {
        std::ifstream in(path, std::ios::binary);
        if (!in) return fail(Error(MessageId::FileUnreadable, {path, "missing"}));
        std::stringstream s;
        s << in.rdbuf();
        auto it = hash_of_content.find(s.str());
        return it == hash_of_content.end() ? hex_of('0') : it->second;
    }
    Status make_iso(const std::string& folder, const std::string& label, const std::string& iso) override {
        if (iso_fails) return fail(Error(MessageId::IsoImageFailed, {iso, "no space"}));
        std::ofstream(iso) << label << " " << folder;
        return {};
    }
};

class EvidencePackageTest : public RetentionServiceTest {
protected:
    void SetUp() override {
        RetentionServiceTest::SetUp();
        for (Id id : ids_) {
            const Recording r = row(id);
            const fs::path file = archive.absolute(r.archive_path);
            fs::create_directories(file.parent_path());
            std::ofstream(file) << "footage " << id;
            media.hash_of_content["footage " + std::to_string(id)] = r.sha256;
        }
    }
    EvidencePackager packager() { return EvidencePackager(f.store(), f.clock(), archive, media); }
    EvidenceExportRequest request() {
        return {"C-7", "赵强", "张伟", (f.dir().path() / "out").string(), "custodyctl"};
    }
    TableMedia media;
};

TEST_F(EvidencePackageTest, AFailedImageLeavesNoPackageAndNoRecord_R19) {
    ASSERT_TRUE(retention().classify_evidence(ids_[0], "C-7", "custodyctl").ok());
    media.iso_fails = true;
    auto r = packager().export_case(request());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().id, MessageId::IsoImageFailed);
    EXPECT_TRUE(fs::is_empty(f.dir().path() / "out"));
    EXPECT_EQ(f.count("evidence_exports"), 0);

    media.iso_fails = false;
    auto ok = packager().export_case(request());
    ASSERT_TRUE(ok.ok()) << log_line(ok.error());
    EXPECT_EQ(ok->record.folder, (f.dir().path() / "out" / "C-7").string()) << "the failed try left its name free";
    EXPECT_EQ(ok->record.iso_sha256, hex_of('0'));
    ASSERT_EQ(ok->files.size(), 1u);
    EXPECT_EQ(ok->files[0].name, "R" + std::to_string(ids_[0]) + "_ZD-CAM-01_VID0001.MP4");
    EXPECT_EQ(f.count("evidence_exports"), 1);
}

TEST_F(EvidencePackageTest, ACopyThatReadsBackWrongIsNotAccepted_R19) {
    ASSERT_TRUE(retention().classify_evidence(ids_[1], "C-7", "custodyctl").ok());
    media.hash_of_content["footage " + std::to_string(ids_[1])] = hex_of('7');  // the copy reads back differently
    auto r = packager().export_case(request());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().id, MessageId::EvidenceCopyMismatch);
    EXPECT_TRUE(fs::is_empty(f.dir().path() / "out"));
    EXPECT_EQ(f.count("evidence_exports"), 0);
}

TEST_F(EvidencePackageTest, CopiesAreNumberedInOrderWithTheComposedLabel_R20) {
    ASSERT_TRUE(retention().classify_evidence(ids_[0], "C-7", "custodyctl").ok());
    auto pkg = packager().export_case(request());
    ASSERT_TRUE(pkg.ok()) << log_line(pkg.error());
    auto first = packager().record_copy({pkg->record.id, "C-7", std::nullopt, "custodyctl"});
    ASSERT_TRUE(first.ok()) << log_line(first.error());
    EXPECT_EQ(first->copy_number, 1);
    EXPECT_NE(first->label.find("案件编号 C-7"), std::string::npos) << first->label;
    auto second = packager().record_copy({pkg->record.id, "C-7", std::string("disc B"), "custodyctl"});
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->copy_number, 2);
    EXPECT_EQ(second->label, "disc B");
    auto wrong_case = packager().record_copy({pkg->record.id, "C-8", std::nullopt, "custodyctl"});
    ASSERT_FALSE(wrong_case.ok());
    EXPECT_EQ(wrong_case.error().id, MessageId::EvidenceExportUnknown);
}

}  // namespace
}  // namespace custody
