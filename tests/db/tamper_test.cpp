// Tampering behind the program's back (R5, R12): someone with the database file and the
// sqlite3 shell drops the append-only triggers and edits. Every kind of edit must make
// verify_audit name the entry (or row) and the reason.
#include <gtest/gtest.h>

#include <filesystem>

#include "db/audit_chain.h"
#include "db/audit_verifier.h"
#include "tests/support/history.h"
#include "tests/support/raw_db.h"

namespace custody::db {
namespace {

using test::RawDb;
using test::StoreFixture;

class Tamper : public ::testing::Test {
protected:
    void SetUp() override {
        h = test::make_history(f);
        entries = f.count("audit_log");
        f.close();
        raw = std::make_unique<RawDb>(f.db_path());
        for (const char* t : {"custody_entries", "health_checks", "audit_log"})
            for (const char* op : {"update", "delete"})
                raw->must(std::string("DROP TRIGGER ") + t + "_no_" + op);
    }

    VerifyReport verify(const KioskKey& key) {
        auto c = Connection::open(f.db_path(), Connection::Mode::ReadOnly);
        if (!c) throw std::runtime_error(log_line(c.error()));
        auto r = verify_audit(**c, key, f.anchor_path());
        if (!r) throw std::runtime_error(log_line(r.error()));
        return *r;
    }
    VerifyReport verify() { return verify(f.key()); }

    // The audit entry that recorded a row.
    std::int64_t seq_of(const std::string& table, Id id) {
        return raw->scalar("SELECT seq FROM audit_log WHERE record_table='" + table +
                           "' AND record_id=" + std::to_string(id));
    }

    // broken = AuditBroken{seq} caused by {cause, cause_args}.
    void expect_broken_at(const VerifyReport& rep, std::int64_t seq, MessageId cause,
                          const std::vector<std::string>& cause_args = {}) {
        ASSERT_FALSE(rep.intact()) << "tampering went unnoticed";
        const Error& e = *rep.broken;
        EXPECT_EQ(e.id, MessageId::AuditBroken) << log_line(e);
        EXPECT_EQ(e.args, std::vector<std::string>{std::to_string(seq)}) << log_line(e);
        ASSERT_NE(e.cause, nullptr) << log_line(e);
        EXPECT_EQ(e.cause->id, cause) << log_line(e);
        if (!cause_args.empty()) {
            EXPECT_EQ(e.cause->args, cause_args) << log_line(e);
        }
    }

    void expect_broken(const VerifyReport& rep, MessageId id, const std::vector<std::string>& args) {
        ASSERT_FALSE(rep.intact()) << "tampering went unnoticed";
        EXPECT_EQ(rep.broken->id, id) << log_line(*rep.broken);
        EXPECT_EQ(rep.broken->args, args) << log_line(*rep.broken);
    }

    StoreFixture f;
    test::History h;
    std::int64_t entries = 0;
    std::unique_ptr<RawDb> raw;
};

TEST_F(Tamper, DroppingTheTriggersAloneChangesNothing) {
    auto rep = verify();
    EXPECT_TRUE(rep.intact()) << log_line(*rep.broken);
    EXPECT_EQ(rep.entries, entries);
}

TEST_F(Tamper, AlteredCustodyRow) {
    // Re-attribute Zhang's checkout to Li.
    raw->must("UPDATE custody_entries SET officer_id = (SELECT id FROM officers WHERE number='100002') WHERE id = " +
              std::to_string(h.zhang_checkout));
    expect_broken_at(verify(), seq_of("custody_entries", h.zhang_checkout), MessageId::AuditRecordAltered,
                     {"custody_entries", std::to_string(h.zhang_checkout)});
}

TEST_F(Tamper, AlteredCustodyTime) {
    raw->must("UPDATE custody_entries SET at_ms = at_ms - 3600000 WHERE id = " + std::to_string(h.liu_return));
    expect_broken_at(verify(), seq_of("custody_entries", h.liu_return), MessageId::AuditRecordAltered,
                     {"custody_entries", std::to_string(h.liu_return)});
}

TEST_F(Tamper, DeletedCustodyRow) {
    const auto seq = seq_of("custody_entries", h.liu_return);
    raw->must("DELETE FROM custody_entries WHERE id = " + std::to_string(h.liu_return));
    expect_broken_at(verify(), seq, MessageId::AuditRecordMissing,
                     {"custody_entries", std::to_string(h.liu_return)});
}

TEST_F(Tamper, CustodyRowInsertedByHand) {
    raw->must(
        "INSERT INTO custody_entries(kind, device_id, officer_id, slot, at_ms) "
        "SELECT 'checkout', d.id, o.id, 2, 1772420000000 FROM devices d, officers o "
        "WHERE d.serial='ZD-CAM-02' AND o.number='100001'");
    const auto id = raw->scalar("SELECT max(id) FROM custody_entries");
    expect_broken(verify(), MessageId::AuditRecordUnlogged, {"custody_entries", std::to_string(id)});
}

TEST_F(Tamper, AlteredAuditDetail) {
    const auto seq = seq_of("custody_entries", h.zhang_checkout);
    raw->must("UPDATE audit_log SET detail = 'slot=1; status=out' WHERE seq = " + std::to_string(seq));
    expect_broken_at(verify(), seq, MessageId::AuditHashMismatch);
}

TEST_F(Tamper, AlteredAuditActorOfARefusal) {
    const auto seq = raw->scalar("SELECT seq FROM audit_log WHERE action='checkout_refused'");
    raw->must("UPDATE audit_log SET actor = '100001' WHERE seq = " + std::to_string(seq));
    expect_broken_at(verify(), seq, MessageId::AuditHashMismatch);
}

TEST_F(Tamper, DeletedMiddleAuditEntry) {
    const auto seq = raw->scalar("SELECT seq FROM audit_log WHERE action='checkout_refused'");
    raw->must("DELETE FROM audit_log WHERE seq = " + std::to_string(seq));
    expect_broken_at(verify(), seq, MessageId::AuditGap, {std::to_string(seq), std::to_string(seq + 1)});
}

TEST_F(Tamper, SwappedAuditEntries) {
    const auto a = seq_of("custody_entries", h.zhang_checkout);
    const auto b = seq_of("custody_entries", h.liu_checkout);
    ASSERT_LT(a, b);
    const std::string cols = "at_ms, actor, action, subject, detail, record_table, record_id, record_digest, "
                             "prev_hash, hash, mac";
    raw->must("CREATE TEMP TABLE swap AS SELECT * FROM audit_log WHERE seq IN (" + std::to_string(a) + ", " +
              std::to_string(b) + ")");
    raw->must("UPDATE audit_log SET (" + cols + ") = (SELECT " + cols + " FROM swap WHERE swap.seq = CASE audit_log.seq "
              "WHEN " + std::to_string(a) + " THEN " + std::to_string(b) + " ELSE " + std::to_string(a) +
              " END) WHERE seq IN (" + std::to_string(a) + ", " + std::to_string(b) + ")");
    ASSERT_EQ(raw->scalar("SELECT record_id FROM audit_log WHERE seq = " + std::to_string(a)), h.liu_checkout);
    expect_broken_at(verify(), a, MessageId::AuditHashMismatch);
}

// An attacker who knows the format rewrites one entry and recomputes every later hash.
// Without the kiosk key the signatures give it away; with the key, the head anchor does.
class Rehash : public Tamper {
protected:
    void rewrite_and_rehash(std::int64_t from, const std::string& detail, const KioskKey* key) {
        auto conn = Connection::open(f.db_path(), Connection::Mode::ReadWrite);
        ASSERT_TRUE(conn.ok());
        Connection& c = **conn;
        Digest prev{};
        {
            auto q = c.prepare("SELECT hash FROM audit_log WHERE seq = ?").value();
            q.bind(1, from - 1);
            ASSERT_TRUE(q.step().value());
            auto b = q.blob(0);
            prev = *digest_from_blob(b.data(), b.size());
        }
        std::vector<AuditEntry> later;
        {
            auto q = c.prepare(
                           "SELECT seq, at_ms, actor, action, subject, detail, record_table, record_id, "
                           "record_digest FROM audit_log WHERE seq >= ? ORDER BY seq")
                         .value();
            q.bind(1, from);
            while (q.step().value()) {
                AuditEntry e;
                e.seq = q.i64(0);
                e.at_ms = q.i64(1);
                e.actor = q.text(2);
                e.action = q.text(3);
                e.subject = q.text(4);
                e.detail = q.text(5);
                if (!q.is_null(6)) e.record_table = q.text(6);
                e.record_id = q.opt_i64(7);
                if (!q.is_null(8)) {
                    auto b = q.blob(8);
                    e.record_digest = digest_from_blob(b.data(), b.size());
                }
                later.push_back(e);
            }
        }
        ASSERT_FALSE(later.empty());
        later[0].detail = detail;
        ASSERT_TRUE(c.exec("BEGIN").ok());
        for (const auto& e : later) {
            Digest hash = chain_hash(prev, e);
            auto u = c.prepare("UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ?, mac = coalesce(?, mac) "
                               "WHERE seq = ?")
                         .value();
            u.bind(1, e.detail).bind_blob(2, prev.data(), 32).bind_blob(3, hash.data(), 32);
            if (key) {
                Digest mac = entry_mac(*key, hash);
                u.bind_blob(4, mac.data(), 32);
            }
            u.bind(5, e.seq);
            ASSERT_TRUE(u.run().ok());
            prev = hash;
        }
        ASSERT_TRUE(c.exec("COMMIT").ok());
    }
};

TEST_F(Rehash, WithoutTheKeyTheSignatureFails) {
    const auto seq = seq_of("custody_entries", h.zhang_checkout);
    rewrite_and_rehash(seq, "slot=2; status=out", nullptr);
    expect_broken_at(verify(), seq, MessageId::AuditMacMismatch);
}

TEST_F(Rehash, EvenWithTheKeyTheHeadAnchorNoticesTheReplacedChain) {
    const auto seq = seq_of("custody_entries", h.zhang_checkout);
    rewrite_and_rehash(seq, "slot=2; status=out", &f.key());
    expect_broken_at(verify(), entries, MessageId::AuditAnchorMismatch, {std::to_string(entries)});
}

TEST_F(Tamper, TruncatedTail) {
    raw->must("DELETE FROM audit_log WHERE seq > " + std::to_string(entries - 3));
    expect_broken(verify(), MessageId::AuditTruncated, {std::to_string(entries), std::to_string(entries - 3)});
}

TEST_F(Tamper, TruncatedTailTogetherWithItsRows) {
    // Remove the last health reading and everything that mentions it.
    const auto id = raw->scalar("SELECT max(id) FROM health_checks");
    const auto seq = seq_of("health_checks", id);
    raw->must("DELETE FROM health_checks WHERE id = " + std::to_string(id));
    raw->must("DELETE FROM audit_log WHERE seq >= " + std::to_string(seq));
    expect_broken(verify(), MessageId::AuditTruncated, {std::to_string(entries), std::to_string(seq - 1)});
}

TEST_F(Tamper, AnchorFileRemoved) {
    std::filesystem::remove(f.anchor_path());
    expect_broken(verify(), MessageId::AuditAnchorMissing, {f.anchor_path()});
}

TEST_F(Tamper, AnchorRemovedWithTheTailIsNotRecreatedByTheNextWrite) {
    // Cut the newest entries, delete the anchor, and wait for the kiosk's next write: the
    // store must not bless the shortened chain with a fresh anchor.
    raw->must("DELETE FROM audit_log WHERE seq > " + std::to_string(entries - 2));
    std::filesystem::remove(f.anchor_path());
    f.reopen();
    auto tx = f.store().begin();
    ASSERT_TRUE(tx.ok()) << log_line(tx.error());
    ASSERT_TRUE((*tx)->audit({"kiosk", "heartbeat", "-", ""}).ok());
    ASSERT_TRUE((*tx)->commit().ok());  // the entry is durable; the anchor problem is logged
    tx->reset();  // a transaction ends before its store closes
    f.close();
    EXPECT_FALSE(std::filesystem::exists(f.anchor_path()));
    expect_broken(verify(), MessageId::AuditAnchorMissing, {f.anchor_path()});
}

TEST_F(Tamper, AlteredHealthReading) {
    // Hide a fault / a flat battery after the fact (R7, R9).
    const auto id = raw->scalar("SELECT min(id) FROM health_checks");
    raw->must("UPDATE health_checks SET battery_pct = 5, fault = 'lens cracked' WHERE id = " + std::to_string(id));
    expect_broken_at(verify(), seq_of("health_checks", id), MessageId::AuditRecordAltered,
                     {"health_checks", std::to_string(id)});
}

TEST_F(Tamper, DeletedHealthReading) {
    const auto id = raw->scalar("SELECT min(id) FROM health_checks");
    const auto seq = seq_of("health_checks", id);
    raw->must("DELETE FROM health_checks WHERE id = " + std::to_string(id));
    expect_broken_at(verify(), seq, MessageId::AuditRecordMissing, {"health_checks", std::to_string(id)});
}

TEST_F(Tamper, TheEarliestOfSeveralEditsIsReported) {
    const auto first = seq_of("custody_entries", h.zhang_checkout);
    raw->must("UPDATE custody_entries SET slot = 9 WHERE id = " + std::to_string(h.liu_return));
    raw->must("UPDATE custody_entries SET slot = 9 WHERE id = " + std::to_string(h.zhang_checkout));
    expect_broken_at(verify(), first, MessageId::AuditRecordAltered,
                     {"custody_entries", std::to_string(h.zhang_checkout)});
}

TEST_F(Tamper, WrongKeyFailsAtTheFirstEntry) {
    KioskKey other = f.key();
    other.bytes[0] ^= 1;
    expect_broken_at(verify(other), 1, MessageId::AuditMacMismatch);
}

}  // namespace
}  // namespace custody::db
