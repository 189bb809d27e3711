// The footage tables hold their rules against any writer, raw SQL included: states move
// forward only, a hash never changes, nothing is marked wiped before its whole job is
// committed (R15), only committed ordinary footage is purged (R18, R19), and no row is
// ever deleted.
#include <gtest/gtest.h>

#include "tests/support/raw_db.h"
#include "tests/support/store_fixture.h"

namespace custody {
namespace {

using test::RawDb;
using test::StoreFixture;

const std::string kSha(64, 'a');

class FootageRules : public ::testing::Test {
protected:
    void SetUp() override {
        f.register_agency();
        f.close();
        raw = std::make_unique<RawDb>(f.db_path());
        raw->must("INSERT INTO offload_jobs(id, device_id, slot, started_at_ms, state, archive_dir) "
                  "VALUES (1, 1, 1, 0, 'running', '2026/03/02/ZD-CAM-01/1')");
        raw->must("INSERT INTO recordings(id, job_id, device_id, source_path, bytes, state) VALUES "
                  "(1, 1, 1, 'DCIM/A.MP4', 10, 'pending'), (2, 1, 1, 'DCIM/B.MP4', 20, 'pending')");
    }
    void verify(int id) {
        raw->must("UPDATE recordings SET state='verified', sha256='" + kSha + "', archive_path='2026/03/02/ZD-CAM-01/1/" +
                  std::to_string(id) + "' WHERE id=" + std::to_string(id));
    }
    void refused(const std::string& sql, const std::string& why) {
        EXPECT_NE(raw->exec(sql), 0) << sql;
        EXPECT_NE(raw->last_error().find(why), std::string::npos) << raw->last_error();
    }

    StoreFixture f;
    std::unique_ptr<RawDb> raw;
};

TEST_F(FootageRules, AStateNeverMovesBack_R12) {
    verify(1);
    refused("UPDATE recordings SET state='copying' WHERE id=1", "only moves forward");
    refused("UPDATE recordings SET state='pending' WHERE id=1", "only moves forward");
}

TEST_F(FootageRules, AVerifiedRecordingNeedsItsHashAndArchivePath_R12) {
    refused("UPDATE recordings SET state='verified' WHERE id=1", "CHECK constraint failed");
}

TEST_F(FootageRules, AHashOrArchivePathOnceSetNeverChanges_R12) {
    verify(1);
    refused("UPDATE recordings SET sha256='" + std::string(64, 'b') + "' WHERE id=1", "keeps its source");
    refused("UPDATE recordings SET archive_path='elsewhere' WHERE id=1", "keeps its source");
    refused("UPDATE recordings SET bytes=11 WHERE id=1", "keeps its source");
    raw->must("UPDATE recordings SET state='committed', committed_at_ms=1000 WHERE id=1");
    // Retention counts from the commit: moving it back would make footage due early (R18).
    refused("UPDATE recordings SET committed_at_ms=0 WHERE id=1", "keeps its source");
}

TEST_F(FootageRules, NothingIsMarkedWipedBeforeTheWholeJobIsCommitted_R15) {
    verify(1);
    raw->must("UPDATE recordings SET state='committed' WHERE id=1");
    refused("UPDATE recordings SET state='wiped' WHERE id=1", "whole job is committed");
    verify(2);
    refused("UPDATE recordings SET state='wiped' WHERE id=2", "only after it is committed");
    raw->must("UPDATE recordings SET state='committed' WHERE id=2");
    raw->must("UPDATE recordings SET state='wiped' WHERE id=1");
    EXPECT_EQ(raw->scalar("SELECT count(*) FROM recordings WHERE state='wiped'"), 1);
}

TEST_F(FootageRules, OnlyCommittedOrdinaryFootageIsPurged_R18_R19) {
    verify(1);
    refused("UPDATE recordings SET purged_at_ms=1, purged_by='100004', purge_reason='expired' WHERE id=1",
            "only committed ordinary footage");
    raw->must("UPDATE recordings SET state='committed' WHERE id=1");
    raw->must("UPDATE recordings SET retention='evidence', case_number='A2026-1' WHERE id=1");
    refused("UPDATE recordings SET purged_at_ms=1, purged_by='100004', purge_reason='expired' WHERE id=1",
            "only committed ordinary footage");
    refused("UPDATE recordings SET retention='ordinary' WHERE id=1", "cannot be made ordinary again");
}

TEST_F(FootageRules, APurgeNeedsWhoAndWhyAndIsFinal_R18) {
    verify(1);
    raw->must("UPDATE recordings SET state='committed' WHERE id=1");
    refused("UPDATE recordings SET purged_at_ms=1 WHERE id=1", "CHECK constraint failed");
    raw->must("UPDATE recordings SET purged_at_ms=1, purged_by='100004', purge_reason='expired' WHERE id=1");
    refused("UPDATE recordings SET purged_by='someone else' WHERE id=1", "keeps its source");
}

TEST_F(FootageRules, EvidenceNeedsACaseNumber_R19) {
    refused("UPDATE recordings SET retention='evidence' WHERE id=1", "CHECK constraint failed");
    refused("UPDATE recordings SET retention='long_term' WHERE id=1", "CHECK constraint failed");
}

TEST_F(FootageRules, NoRowIsEverDeleted) {
    refused("DELETE FROM recordings WHERE id=1", "never deleted");
    refused("DELETE FROM offload_jobs WHERE id=1", "never deleted");
}

TEST_F(FootageRules, ACompleteJobIsFinalAndOneDeviceHasOneUnfinishedJob_R14) {
    refused("INSERT INTO offload_jobs(device_id, slot, started_at_ms, state, archive_dir) "
            "VALUES (1, 1, 5, 'failed', 'x')",
            "UNIQUE constraint failed");
    raw->must("UPDATE offload_jobs SET state='complete' WHERE id=1");
    refused("UPDATE offload_jobs SET state='running' WHERE id=1", "a complete job is final");
    refused("UPDATE offload_jobs SET archive_dir='elsewhere' WHERE id=1", "a complete job is final");
}

TEST_F(FootageRules, InterruptionRecordsAndEvidenceExportsAreAppendOnly_R13_R19) {
    raw->must("INSERT INTO interruption_records(job_id, officer_id, reason, basis, recorded_at_ms, recorded_by) "
              "VALUES (1, 1, 'weather', 'heavy rain', 0, '100001')");
    refused("UPDATE interruption_records SET basis='nothing'", "append-only");
    refused("DELETE FROM interruption_records", "append-only");
    refused("INSERT INTO interruption_records(job_id, officer_id, reason, basis, recorded_at_ms, recorded_by) "
            "VALUES (1, 1, 'bored', 'x', 0, '100001')",
            "CHECK constraint failed");
    raw->must("INSERT INTO evidence_exports(case_number, folder, iso_path, iso_sha256, maker, extractor, made_at_ms, "
              "recordings) VALUES ('A1', '/f', '/f.iso', 'x', 'm', 'e', 0, 1)");
    refused("UPDATE evidence_exports SET maker='other'", "append-only");
    raw->must("INSERT INTO evidence_copies(export_id, copy_number, label, recorded_at_ms, recorded_by) "
              "VALUES (1, 1, 'disc 1', 0, 'm')");
    refused("INSERT INTO evidence_copies(export_id, copy_number, label, recorded_at_ms, recorded_by) "
            "VALUES (1, 1, 'again', 0, 'm')",
            "UNIQUE constraint failed");
}

}  // namespace
}  // namespace custody
