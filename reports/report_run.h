#pragma once
// Making one report: read a snapshot, compose the document, stamp every page with the
// audit chain's position, and save the PDF whole (or not at all).

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/accounting_month.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"
#include "kiosk/core/named_code.h"
#include "reports/report_sources.h"

namespace custody::reports {

enum class ReportKind {
    Custody, Ledger, EvidenceForm, DiscLabel, Receipt, Reconciliation, Interruption,
    AssetRegister, Depreciation, Repairs, CompensationNotice, CompensationRegister, Allocation
};

inline constexpr NamedCode<ReportKind> kReportKinds[] = {
    {ReportKind::Custody, "custody", "执法记录仪保管使用报告", "custody report"},
    {ReportKind::Ledger, "ledger", "执法记录仪使用台账", "usage ledger"},
    {ReportKind::EvidenceForm, "evidence-form", "同步录音录像摄录情况记录表", "evidence record form"},
    {ReportKind::DiscLabel, "disc-label", "光盘标签及封套", "disc label and sleeve"},
    {ReportKind::Receipt, "receipt", "录像导出回执", "offload receipt"},
    {ReportKind::Reconciliation, "reconciliation", "执法记录仪盘点报告", "inventory reconciliation report"},
    {ReportKind::Interruption, "interruption", "执法记录中断情况说明", "interruption work record"},
    {ReportKind::AssetRegister, "asset-register", "固定资产卡片登记表", "fixed-asset register"},
    {ReportKind::Depreciation, "depreciation", "固定资产折旧明细表", "fixed-asset depreciation schedule"},
    {ReportKind::Repairs, "repairs", "设备维修登记表", "equipment repair register"},
    {ReportKind::CompensationNotice, "compensation-notice", "赔偿通知书", "compensation notice"},
    {ReportKind::CompensationRegister, "compensation-register", "赔偿案件登记簿", "compensation case register"},
    {ReportKind::Allocation, "allocation", "执法记录仪配备情况表", "body-worn camera allocation table"},
};

struct ReportRequest {
    ReportKind kind = ReportKind::Custody;
    Lang lang = Lang::Zh;
    LedgerScope scope;                        // custody, ledger; repairs: the period only
    std::vector<Id> recordings;               // evidence-form
    std::optional<std::string> case_number;   // evidence-form, disc-label
    std::optional<Id> export_id;              // disc-label
    std::string place;                        // evidence-form: where it was recorded
    std::string activity;                     // evidence-form, disc-label: the activity or case name
    std::optional<Id> job_id;                 // receipt
    std::optional<Id> reconciliation_id;      // reconciliation
    std::optional<Id> interruption_id;        // interruption
    std::optional<AccountingMonth> month;     // asset-register, depreciation
    std::optional<Id> compensation_case_id;   // compensation-notice
};

struct MadeReport {
    std::string path;
    std::string title;
    FinishedReport finished;
    std::string print_queue;  // the profile's, at generation; empty: the server's default
};

Result<MadeReport> make_report(const std::string& db_path, const ReportRequest& request, const std::string& out_path,
                               Timestamp now);

// "TZ-20261202-143005-1234": the kind, the local generation time, the audit position.
std::string document_id(ReportKind kind, Timestamp now, std::int64_t audit_seq);

}  // namespace custody::reports
