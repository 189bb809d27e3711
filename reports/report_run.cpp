#include "reports/report_run.h"

#include "kiosk/core/agency_time.h"
#include "reports/allocation_report.h"
#include "reports/asset_register.h"
#include "reports/compensation_notice.h"
#include "reports/compensation_register.h"
#include "reports/depreciation_schedule.h"
#include "reports/repair_register.h"
#include "reports/report_documents.h"

namespace custody::reports {

namespace {
const char* kind_letters(ReportKind k) {
    switch (k) {
        case ReportKind::Custody: return "BG";         // 保管
        case ReportKind::Ledger: return "TZ";          // 台账
        case ReportKind::EvidenceForm: return "JL";    // 记录表
        case ReportKind::DiscLabel: return "GP";       // 光盘
        case ReportKind::Receipt: return "HZ";         // 回执
        case ReportKind::Reconciliation: return "PD";  // 盘点
        case ReportKind::Interruption: return "ZD";    // 中断
        case ReportKind::AssetRegister: return "ZC";         // 资产
        case ReportKind::Depreciation: return "ZJ";          // 折旧
        case ReportKind::Repairs: return "WX";               // 维修
        case ReportKind::CompensationNotice: return "PC";    // 赔偿
        case ReportKind::CompensationRegister: return "DJ";  // 登记簿
        case ReportKind::Allocation: return "PB";            // 配备
    }
    return "XX";
}

// Reads the document's facts, then lays them out: each kind supplies both halves.
Result<ComposedReport> compose(ReportSnapshot& s, const ReportRequest& r, PdfDocument& doc, Timestamp now) {
    switch (r.kind) {
        case ReportKind::Ledger: return compose_ledger_document(s, r, doc, now);
        case ReportKind::EvidenceForm: return compose_evidence_form_document(s, r, doc, now);
        case ReportKind::DiscLabel: return compose_disc_label_document(s, r, doc, now);
        case ReportKind::Receipt: return compose_receipt_document(s, r, doc, now);
        case ReportKind::Interruption: return compose_interruption_document(s, r, doc, now);
        case ReportKind::Custody: return compose_custody_document(s, r, doc, now);
        case ReportKind::Reconciliation: return compose_reconciliation_document(s, r, doc, now);
        case ReportKind::AssetRegister: return compose_asset_register_document(s, r, doc, now);
        case ReportKind::Depreciation: return compose_depreciation_document(s, r, doc, now);
        case ReportKind::Repairs: return compose_repair_register_document(s, r, doc, now);
        case ReportKind::CompensationNotice: return compose_compensation_notice_document(s, r, doc, now);
        case ReportKind::CompensationRegister: return compose_compensation_register_document(s, r, doc, now);
        case ReportKind::Allocation: return compose_allocation_document(s, r, doc, now);
    }
    throw std::logic_error("a report kind without a composer");  // -Wswitch names the missing case
}
}  // namespace

std::string document_id(ReportKind kind, Timestamp now, std::int64_t audit_seq) {
    std::string t = format_local(now);  // "2026-12-02 14:30:05"
    std::string compact;
    for (char c : t)
        if (c >= '0' && c <= '9') compact.push_back(c);
    return std::string(kind_letters(kind)) + "-" + compact.substr(0, 8) + "-" + compact.substr(8, 6) + "-" +
           std::to_string(audit_seq);
}

Result<MadeReport> make_report(const std::string& db_path, const ReportRequest& request, const std::string& out_path,
                               Timestamp now) {
    auto snapshot = ReportSnapshot::open(db_path);
    if (!snapshot) return fail(snapshot.error());
    const auto& kind = named(kReportKinds, request.kind);
    const std::string title(request.lang == Lang::Zh ? kind.zh : kind.en);
    auto doc = PdfDocument::create({title, title, (*snapshot)->profile().agency_name});
    if (!doc) return fail(doc.error());
    auto composed = compose(**snapshot, request, **doc, now);
    if (!composed) return fail(composed.error());
    ReportStamp stamp{document_id(request.kind, now, (*snapshot)->audit().seq), (*snapshot)->audit(), format_local(now)};
    MadeReport made{out_path, title, composed->pages->finish(stamp), (*snapshot)->profile().print_queue};
    CUSTODY_TRY((*doc)->save(out_path));
    return made;
}

}  // namespace custody::reports
