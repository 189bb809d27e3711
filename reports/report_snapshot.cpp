#include "reports/report_snapshot.h"

#include "db/audit_chain.h"

namespace custody::reports {

Result<std::unique_ptr<ReportSnapshot>> ReportSnapshot::open(const std::string& db_path) {
    auto c = db::Connection::open(db_path, db::Connection::Mode::ReadOnly);
    if (!c) return fail(c.error());
    auto s = std::unique_ptr<ReportSnapshot>(new ReportSnapshot(std::move(*c)));
    CUSTODY_TRY(s->c_->exec("BEGIN"));
    auto head = s->c_->prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (!head) return fail(head.error());
    auto row = head->step();
    if (!row) return fail(row.error());
    if (*row) {
        s->audit_.seq = head->i64(0);
        auto d = db::digest_from_blob(head->blob_view(1).data(), head->blob_view(1).size());
        s->audit_.head_hex = d ? db::hex(*d) : std::string();
    }
    auto p = s->c_->prepare("SELECT key, value FROM agency_profile");
    if (!p) return fail(p.error());
    while (true) {
        auto r = p->step();
        if (!r) return fail(r.error());
        if (!*r) break;
        // Values were validated on the way in; a key from a newer release is ignored.
        (void)apply_setting(s->profile_, p->text(0), p->text(1));
    }
    return s;
}

ReportSnapshot::~ReportSnapshot() {
    // Ends a read transaction: nothing was written, so there is nothing a failed COMMIT
    // could lose, and closing the connection ends the transaction anyway.
    if (c_) (void)c_->exec("COMMIT");
}

Result<std::optional<std::string>> lookup_text(db::Connection& c, const char* sql, const std::string& arg) {
    auto q = c.prepare(sql);
    if (!q) return fail(q.error());
    q->bind(1, arg);
    auto r = q->step();
    if (!r) return fail(r.error());
    if (!*r) return std::optional<std::string>();
    return std::optional<std::string>(q->text(0));
}

}  // namespace custody::reports
