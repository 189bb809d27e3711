// custodyctl report KIND --out FILE.pdf [--print [QUEUE]]: the PDF documents the
// regulations ask for (R5, R13, R20, R21; issue 6) and finance's (R2, R3, R9, R25, R26),
// each with defaults that pick the newest matching record, so that every kind runs with
// no other argument than --out.
#include <cstdlib>
#include <sstream>

#include "kiosk/cli/commands.h"
#include "kiosk/cli/date_options.h"
#include "kiosk/core/printed_report.h"
#include "reports/cups_printer.h"
#include "reports/report_font.h"
#include "reports/report_printing.h"
#include "reports/report_run.h"

namespace custody::cli {

namespace {

// "--print" may stand alone (the configured queue) or take the queue's name.
struct PrintChoice {
    bool wanted = false;
    std::optional<std::string> queue;
};

PrintChoice take_print_option(std::vector<std::string>& words) {
    PrintChoice p;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i] != "--print") continue;
        p.wanted = true;
        std::size_t n = 1;
        if (i + 1 < words.size() && words[i + 1].rfind("--", 0) != 0) {
            p.queue = words[i + 1];
            n = 2;
        }
        words.erase(words.begin() + static_cast<long>(i), words.begin() + static_cast<long>(i + n));
        break;
    }
    return p;
}

Result<std::optional<Id>> id_option(const Args& a, const char* name) {
    auto v = a.get(name);
    if (!v) return std::optional<Id>();
    Id id = 0;
    if (!parse_number(v, id) || id <= 0) return fail(usage(std::string("--") + name + " takes a record number"));
    return std::optional<Id>(id);
}

Result<std::vector<Id>> id_list(const Args& a, const char* name) {
    std::vector<Id> ids;
    auto v = a.get(name);
    if (!v) return ids;
    std::stringstream in(*v);
    std::string item;
    while (std::getline(in, item, ',')) {
        Id id = 0;
        if (!parse_number(std::optional<std::string>(item), id) || id <= 0)
            return fail(usage(std::string("--") + name + " takes record numbers separated by commas"));
        ids.push_back(id);
    }
    return ids;
}

Result<reports::ReportRequest> request_of(const CliContext& ctx, const Args& a) {
    reports::ReportRequest r;
    r.lang = ctx.lang;
    if (a.positional.size() != 1) return fail(usage("report takes one KIND: " + allowed_codes(reports::kReportKinds)));
    auto kind = parse_named(reports::kReportKinds, a.positional[0]);
    if (!kind) return fail(Error(MessageId::ReportUnknownKind, {a.positional[0], allowed_codes(reports::kReportKinds)}));
    r.kind = *kind;
    r.scope.unit_code = a.get("unit");
    r.scope.officer_number = a.get("officer");
    r.scope.device_serial = a.get("device");
    auto month = month_option(a, "month");
    if (!month) return fail(month.error());
    auto from = time_option(a, "from", false);
    if (!from) return fail(from.error());
    auto to = time_option(a, "to", true);
    if (!to) return fail(to.error());
    if (*month && (*from || *to)) return fail(usage("--month replaces --from and --to"));
    if (*month) {
        r.scope.from = (*month)->first;
        r.scope.to = (*month)->second;
    } else {
        r.scope.from = *from;
        r.scope.to = *to;
    }
    auto recordings = id_list(a, "recording");
    if (!recordings) return fail(recordings.error());
    r.recordings = *recordings;
    r.case_number = a.get("case");
    r.place = a.get("place").value_or("");
    r.activity = a.get("activity").value_or("");
    auto job = id_option(a, "job");
    auto exp = id_option(a, "export");
    auto id = id_option(a, "id");
    if (!job) return fail(job.error());
    if (!exp) return fail(exp.error());
    if (!id) return fail(id.error());
    r.job_id = *job;
    r.export_id = *exp;
    if (r.kind == reports::ReportKind::Reconciliation) r.reconciliation_id = *id;
    if (r.kind == reports::ReportKind::Interruption) r.interruption_id = *id;
    if (r.kind == reports::ReportKind::CompensationNotice) r.compensation_case_id = *id;
    // Finance figures are month-end figures: a month, never an arbitrary period.
    if (r.kind == reports::ReportKind::AssetRegister || r.kind == reports::ReportKind::Depreciation) {
        if (*from || *to) return fail(usage(a.positional[0] + " takes --month YYYY-MM, not --from/--to"));
        if (auto m = a.get("month")) r.month = parse_month(*m);  // month_option has checked it
    }
    return r;
}

}  // namespace

int cmd_report(CliContext& ctx, const std::vector<std::string>& given) {
    std::vector<std::string> words = given;
    const PrintChoice print = take_print_option(words);
    auto a = parse_args(words,
                        {"out", "unit", "officer", "device", "from", "to", "month", "recording", "case", "place",
                         "activity", "job", "export", "id", "print-timeout"},
                        {});
    if (!a) return ctx.report(a.error());
    auto out = a->get("out");
    if (!out || out->empty()) return ctx.report(usage("report needs --out FILE.pdf"));
    int timeout_s = 120;
    if (a->get("print-timeout") && (!parse_number(a->get("print-timeout"), timeout_s) || timeout_s <= 0))
        return ctx.report(usage("--print-timeout takes seconds"));
    auto store = ctx.open_store();  // migrates, and applies the agency zone before dates are parsed
    if (!store) return ctx.report(store.error());
    auto request = request_of(ctx, *a);
    if (!request) return ctx.report(request.error());
    auto made = reports::make_report(ctx.paths.db, *request, *out, ctx.clock.now());
    if (!made) return ctx.report(made.error());
    ctx.out << ctx.text(MessageId::ReportSaved,
                        {made->path, std::to_string(made->finished.pages), made->finished.document_id})
            << '\n';
    if (!made->finished.replaced.empty()) {
        std::string list;
        for (char32_t c : made->finished.replaced) list += (list.empty() ? "" : " ") + reports::code_point_name(c);
        ctx.err << ctx.text(MessageId::ReportCharactersReplaced, {std::to_string(made->finished.replaced.size()), list})
                << '\n';
    }
    if (!print.wanted) return kExitOk;
    reports::CupsPrinter printer;
    auto job = reports::print_report(printer, *made, print.queue, std::chrono::seconds(timeout_s));
    if (!job) return ctx.report(job.error());
    ctx.out << ctx.text(MessageId::PrintDone, {made->path, job->queue, std::to_string(job->id)}) << '\n';
    auto noted = record_printed_report(**store, {"custodyctl", made->finished.document_id, a->positional[0],
                                                 made->finished.pages, made->finished.content_sha256, job->queue,
                                                 job->id, made->path});
    if (!noted) return ctx.report(noted.error());
    return kExitOk;
}

}  // namespace custody::cli
