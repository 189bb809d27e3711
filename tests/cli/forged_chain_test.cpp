// (g) The careful attacker: edits a row, then recomputes the SHA-256 chain (the same library,
// the same canonical form custodyctl uses) and rewrites every later hash with the sqlite3
// shell. The chain is then consistent, but the entries are signed with the kiosk key the
// attacker does not have, so verify must still fail — on the signature.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstring>
#include <memory>
#include <stdexcept>

#include "db/audit_chain.h"
#include "db/canonical.h"
#include "tests/cli/cli_helpers.h"

namespace custody::test {
namespace {

using db::AuditEntry;
using db::Digest;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

struct StoredEntry {
    AuditEntry e;
    Digest prev_hash{}, hash{}, mac{};
};

Digest blob_digest(sqlite3_stmt* s, int col) {
    Digest d{};
    const void* p = sqlite3_column_blob(s, col);
    if (p == nullptr || sqlite3_column_bytes(s, col) != 32) throw std::runtime_error("not a 32-byte digest");
    std::memcpy(d.data(), p, 32);
    return d;
}

std::string text(sqlite3_stmt* s, int col) {
    const unsigned char* t = sqlite3_column_text(s, col);
    return t ? reinterpret_cast<const char*>(t) : "";
}

// Reads the audit log as the attacker would, read-only, with the SQLite library.
std::vector<StoredEntry> read_audit_log(const std::string& path) {
    sqlite3* c = nullptr;
    if (sqlite3_open_v2(path.c_str(), &c, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(c);
        throw std::runtime_error("cannot open " + path);
    }
    std::unique_ptr<sqlite3, decltype(&sqlite3_close)> conn(c, &sqlite3_close);
    sqlite3_stmt* s = nullptr;
    const char* sql =
        "SELECT seq, at_ms, actor, action, subject, detail, record_table, record_id, record_digest, "
        "prev_hash, hash, mac FROM audit_log ORDER BY seq";
    if (sqlite3_prepare_v2(c, sql, -1, &s, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(c));
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> stmt(s, &sqlite3_finalize);
    std::vector<StoredEntry> out;
    while (sqlite3_step(s) == SQLITE_ROW) {
        StoredEntry r;
        r.e.seq = sqlite3_column_int64(s, 0);
        r.e.at_ms = sqlite3_column_int64(s, 1);
        r.e.actor = text(s, 2);
        r.e.action = text(s, 3);
        r.e.subject = text(s, 4);
        r.e.detail = text(s, 5);
        if (sqlite3_column_type(s, 6) != SQLITE_NULL) r.e.record_table = text(s, 6);
        if (sqlite3_column_type(s, 7) != SQLITE_NULL) r.e.record_id = sqlite3_column_int64(s, 7);
        if (sqlite3_column_type(s, 8) != SQLITE_NULL) r.e.record_digest = blob_digest(s, 8);
        r.prev_hash = blob_digest(s, 9);
        r.hash = blob_digest(s, 10);
        r.mac = blob_digest(s, 11);
        out.push_back(std::move(r));
    }
    return out;
}

std::string sql_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

std::string blob(const Digest& d) { return "X'" + db::hex(d) + "'"; }

// SQL that stores `entries[from..]` as edited and rewrites every hash from there on so
// that the chain is consistent again. The MACs are left alone: they need the key.
std::string rewrite_chain_from(std::vector<StoredEntry>& entries, std::size_t from) {
    std::string sql = "BEGIN;\n";
    Digest prev = from == 0 ? Digest{} : entries[from - 1].hash;
    for (std::size_t i = from; i < entries.size(); ++i) {
        StoredEntry& r = entries[i];
        r.prev_hash = prev;
        r.hash = db::chain_hash(prev, r.e);
        prev = r.hash;
        sql += "UPDATE audit_log SET actor=" + sql_quote(r.e.actor) + ", detail=" + sql_quote(r.e.detail) +
               ", record_digest=" + (r.e.record_digest ? blob(*r.e.record_digest) : std::string("NULL")) +
               ", prev_hash=" + blob(r.prev_hash) + ", hash=" + blob(r.hash) + " WHERE seq=" + std::to_string(r.e.seq) +
               ";\n";
    }
    return sql + "COMMIT;\n";
}

const char* kDropTriggers = "DROP TRIGGER custody_entries_no_update; DROP TRIGGER audit_log_no_update;\n";

class CliForgedChain : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        base_dir_ = std::make_unique<TempDir>();
        base_ = base_dir_->file("base.db");
        ASSERT_TRUE(make_small_history(*base_dir_, base_));
    }
    static void TearDownTestSuite() { base_dir_.reset(); }
    void SetUp() override {
        db_ = dir_.file("custody.db");
        copy_store(base_, db_);
        entries_ = read_audit_log(db_);
        ASSERT_GT(entries_.size(), 30u);
    }
    std::size_t index_of_custody_row(std::int64_t id) const {
        for (std::size_t i = 0; i < entries_.size(); ++i)
            if (entries_[i].e.record_table == "custody_entries" && entries_[i].e.record_id == id) return i;
        throw std::runtime_error("no audit entry for custody row " + std::to_string(id));
    }

    static std::unique_ptr<TempDir> base_dir_;
    static std::string base_;
    TempDir dir_;
    std::string db_;
    std::vector<StoredEntry> entries_;
};
std::unique_ptr<TempDir> CliForgedChain::base_dir_;
std::string CliForgedChain::base_;

TEST_F(CliForgedChain, TheTestComputesTheSameChainAsCustodyctl) {
    // Without this the forgeries below would prove nothing: recomputing the untouched
    // chain must give back exactly the stored hashes.
    Digest prev{};
    for (const auto& r : entries_) {
        EXPECT_TRUE(db::digests_equal(r.prev_hash, prev)) << "entry " << r.e.seq;
        EXPECT_TRUE(db::digests_equal(db::chain_hash(prev, r.e), r.hash)) << "entry " << r.e.seq;
        prev = r.hash;
    }
}

TEST_F(CliForgedChain, G_EditedDetailWithRecomputedHashesFailsOnTheSignature) {
    const std::size_t k = entries_.size() / 3;
    entries_[k].e.detail += "; note=补录";
    auto r = sqlite_shell(db_, std::string(kDropTriggers) + rewrite_chain_from(entries_, k));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The rewrite took: the stored chain is consistent with the edited entry.
    auto stored = read_audit_log(db_);
    ASSERT_EQ(stored.size(), entries_.size());
    EXPECT_TRUE(contains(stored[k].e.detail, "note=补录"));
    EXPECT_TRUE(db::digests_equal(stored.back().hash, entries_.back().hash));

    auto en = ctl(db_, {"verify"});
    EXPECT_EQ(en.exit_code, 3) << en.out << en.err;
    EXPECT_TRUE(contains(en.err, broken_at(entries_[k].e.seq) + " signature mismatch")) << en.err;
    EXPECT_FALSE(contains(en.err, "hash mismatch")) << "the forged chain itself must be consistent: " << en.err;
    auto zh = ctl(db_, {"verify"}, "zh");
    EXPECT_EQ(zh.exit_code, 3);
    EXPECT_TRUE(contains(zh.err, "审计链在第 " + std::to_string(entries_[k].e.seq) + " 条记录处断裂：签名不符"))
        << zh.err;
}

TEST_F(CliForgedChain, G_ReassignedCheckoutWithFixedDigestAndChainFailsOnTheSignature) {
    // 王芳's checkout (custody row 2) is made to look like 李娜's: the row, the audit
    // entry's actor and record digest, and every later hash are all rewritten.
    const std::string lina = sql_text(db_, "SELECT id FROM officers WHERE number='010002';");
    const std::size_t k = index_of_custody_row(2);
    CustodyEntry row;
    row.id = 2;
    row.kind = CustodyKind::Checkout;
    row.device_id = sql_int(db_, "SELECT device_id FROM custody_entries WHERE id=2;");
    row.officer_id = std::stoll(lina);
    row.slot = static_cast<int>(sql_int(db_, "SELECT slot FROM custody_entries WHERE id=2;"));
    row.at = Timestamp{sql_int(db_, "SELECT at_ms FROM custody_entries WHERE id=2;")};
    ASSERT_EQ(sql_text(db_, "SELECT partner_id IS NULL AND closes_id IS NULL FROM custody_entries WHERE id=2;"), "1");
    entries_[k].e.actor = "010002";
    entries_[k].e.record_digest = db::sha256(db::canonical(row));

    auto r = sqlite_shell(db_, std::string(kDropTriggers) + "UPDATE custody_entries SET officer_id=" + lina +
                                   " WHERE id=2;\n" + rewrite_chain_from(entries_, k));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto ledger = ctl(db_, {"ledger", "--format", "csv"});
    ASSERT_EQ(ledger.exit_code, 0);
    auto rows = parse_csv_output(ledger.out);
    ASSERT_EQ(rows.size(), 4u);
    ASSERT_EQ(rows[2][0], "2");
    ASSERT_EQ(rows[2][static_cast<std::size_t>(column(rows[0], "officer_name"))], "李娜") << "the forgery took";

    auto en = ctl(db_, {"verify"});
    EXPECT_EQ(en.exit_code, 3) << en.out << en.err;
    EXPECT_TRUE(contains(en.err, broken_at(entries_[k].e.seq) + " signature mismatch")) << en.err;
    EXPECT_FALSE(contains(en.err, "altered")) << "the record digest was forged consistently: " << en.err;
}

TEST_F(CliForgedChain, G_AppendedEntryForAFakeRowFailsOnTheSignature) {
    // A fake return of 王芳's camera, with an audit entry chained correctly after the last.
    const std::int64_t device = sql_int(db_, "SELECT device_id FROM custody_entries WHERE id=2;");
    const std::int64_t officer = sql_int(db_, "SELECT officer_id FROM custody_entries WHERE id=2;");
    const StoredEntry& last = entries_.back();
    CustodyEntry fake;
    fake.id = 4;
    fake.kind = CustodyKind::Return;
    fake.device_id = device;
    fake.officer_id = officer;
    fake.slot = 3;
    fake.at = Timestamp{last.e.at_ms + 1000};
    fake.closes_id = 2;
    AuditEntry e;
    e.seq = last.e.seq + 1;
    e.at_ms = fake.at.ms;
    e.actor = "020001";
    e.action = "return";
    e.subject = "CAM-003";
    e.detail = "slot=3; closes=2; status=docked";
    e.record_table = "custody_entries";
    e.record_id = 4;
    e.record_digest = db::sha256(db::canonical(fake));
    const Digest hash = db::chain_hash(last.hash, e);
    auto r = sqlite_shell(
        db_,
        "INSERT INTO custody_entries(id, kind, device_id, officer_id, slot, at_ms, closes_id) VALUES (4, 'return', " +
            std::to_string(device) + ", " + std::to_string(officer) + ", 3, " + std::to_string(fake.at.ms) +
            ", 2);\nINSERT INTO audit_log VALUES (" + std::to_string(e.seq) + ", " + std::to_string(e.at_ms) +
            ", '020001', 'return', 'CAM-003', " + sql_quote(e.detail) + ", 'custody_entries', 4, " +
            blob(*e.record_digest) + ", " + blob(last.hash) + ", " + blob(hash) + ", " + blob(last.mac) + ");");
    ASSERT_EQ(r.exit_code, 0) << r.err;  // inserts need no dropped trigger
    auto en = ctl(db_, {"verify"});
    EXPECT_EQ(en.exit_code, 3) << en.out << en.err;
    EXPECT_TRUE(contains(en.err, broken_at(e.seq) + " signature mismatch")) << en.err;
}

}  // namespace
}  // namespace custody::test
