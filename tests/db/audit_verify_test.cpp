// verify_audit on an untouched database: every entry chained and signed, every ledger
// and health row matched to the entry that recorded it (R5).
#include <gtest/gtest.h>

#include "db/audit_verifier.h"
#include "tests/support/checkout_helpers.h"
#include "tests/support/history.h"

namespace custody::db {
namespace {

using test::StoreFixture;

VerifyReport verify(StoreFixture& f) {
    auto r = verify_audit(f.store().connection(), f.key(), f.anchor_path());
    if (!r) throw std::runtime_error(log_line(r.error()));
    return *r;
}

TEST(AuditVerify, FreshDatabaseIsIntact) {
    StoreFixture f;
    auto rep = verify(f);
    EXPECT_TRUE(rep.intact()) << log_line(*rep.broken);
    EXPECT_EQ(rep.entries, 1 + 24);  // init + one line per slot
    EXPECT_EQ(rep.records, 0);
}

TEST(AuditVerify, HistoryIsIntactWithTheRightCounts) {
    StoreFixture f;
    test::make_history(f);
    auto rep = verify(f);
    ASSERT_TRUE(rep.intact()) << log_line(*rep.broken);
    EXPECT_EQ(rep.entries, f.count("audit_log"));
    EXPECT_EQ(rep.records, f.count("custody_entries") + f.count("health_checks"));
    EXPECT_EQ(f.count("custody_entries"), 4);
    EXPECT_EQ(f.count("health_checks"), 4);
    // The refusal is in the chain but links no row.
    EXPECT_EQ(f.scalar("SELECT count(*) FROM audit_log WHERE action='checkout_refused' AND record_table IS NULL"), 1);
}

TEST(AuditVerify, StaysIntactAcrossReopenAndMoreActivity) {
    StoreFixture f;
    test::make_history(f);
    f.reopen();
    f.clock().advance_ms(kMsPerDay);
    f.make_all_ready();
    ASSERT_TRUE(test::checkout(f, test::agency::kLiBadge).ok());
    auto rep = verify(f);
    ASSERT_TRUE(rep.intact()) << log_line(*rep.broken);
    EXPECT_EQ(rep.entries, f.count("audit_log"));
    EXPECT_EQ(rep.records, f.count("custody_entries") + f.count("health_checks"));
}

TEST(AuditVerify, RefusedWorkLeavesNoHalfWrittenEntries) {
    // A rolled-back transaction must not leave a gap in the sequence or move the anchor.
    StoreFixture f;
    test::make_history(f);
    for (int i = 0; i < 5; ++i) (void)test::checkout(f, "0BADBADB");
    (void)RegistryImport(f.store(), f.clock(), "t").run(RegistryKind::Units, "code,name,allocation_class\nA,b,Z\n",
                                                         "u.csv");
    auto rep = verify(f);
    ASSERT_TRUE(rep.intact()) << log_line(*rep.broken);
    EXPECT_EQ(rep.entries, f.last_audit_seq());
}

}  // namespace
}  // namespace custody::db
