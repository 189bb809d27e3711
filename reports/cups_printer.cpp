#include "reports/cups_printer.h"

#include <cups/cups.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <thread>
#include <utility>

namespace custody::reports {

namespace {

// libcups's IPP job states (RFC 8011 §5.3.7) and printer-state 5, spelled out.
constexpr int kJobPending = IPP_JSTATE_PENDING;        // 3
constexpr int kJobHeld = IPP_JSTATE_HELD;              // 4
constexpr int kJobProcessing = IPP_JSTATE_PROCESSING;  // 5
constexpr int kJobStopped = IPP_JSTATE_STOPPED;        // 6
constexpr int kJobCanceled = IPP_JSTATE_CANCELED;      // 7
constexpr int kJobAborted = IPP_JSTATE_ABORTED;        // 8
constexpr int kJobCompleted = IPP_JSTATE_COMPLETED;    // 9
constexpr int kPrinterStopped = IPP_PSTATE_STOPPED;    // 5

// The destinations of one cupsGetDests2 call, freed with it.
struct Dests {
    int count = 0;
    cups_dest_t* list = nullptr;
    Dests() = default;
    Dests(const Dests&) = delete;
    Dests& operator=(const Dests&) = delete;
    ~Dests() { cupsFreeDests(count, list); }
};

struct IppDeleter {
    void operator()(ipp_t* p) const { ippDelete(p); }
};
using IppResponse = std::unique_ptr<ipp_t, IppDeleter>;

// The server libcups talks to, as a person would name it.
std::string server_name() {
    std::string s = cupsServer();
    if (!s.empty() && s.front() != '/') s += ":" + std::to_string(ippPort());
    return s;
}

// Only after a call that failed: libcups keeps the last error of any earlier call too.
Error last_cups_error(const std::string& what) {
    const ipp_status_t status = cupsLastError();
    const char* text = cupsLastErrorString();
    std::string detail = what + ": " + ippErrorString(status) + " (0x" + [&] {
        char hex[8];
        std::snprintf(hex, sizeof hex, "%04x", static_cast<unsigned>(status));
        return std::string(hex);
    }() + ")" + (text && *text ? std::string(", ") + text : std::string());
    if (status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE)
        return Error(MessageId::PrintServerDown, {server_name()}, detail);
    return Error(MessageId::PrintFailed, {what, text && *text ? text : ippErrorString(status)}, detail);
}

std::string text_of(ipp_t* response, const char* name) {
    ipp_attribute_t* a = ippFindAttribute(response, name, IPP_TAG_ZERO);
    if (!a) return {};
    std::string joined;
    for (int i = 0; i < ippGetCount(a); ++i) {
        const char* v = ippGetString(a, i, nullptr);
        if (!v) continue;
        if (!joined.empty()) joined += ", ";
        joined += v;
    }
    return joined;
}

int number_of(ipp_t* response, const char* name) {
    ipp_attribute_t* a = ippFindAttribute(response, name, IPP_TAG_ZERO);
    return a ? ippGetInteger(a, 0) : 0;
}

// "none" and an empty value say nothing; anything else is worth showing.
std::string reason_or(std::string message, const std::string& reasons) {
    if (!message.empty()) return message;
    if (!reasons.empty() && reasons != "none") return reasons;
    return {};
}

void request_attributes(ipp_t* request, std::initializer_list<const char*> names) {
    std::vector<const char*> list(names);
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", static_cast<int>(list.size()),
                  nullptr, list.data());
}

// cupsDoRequest's answer, or the failure it stands for.
Result<IppResponse> send(ipp_t* request, const std::string& what) {
    IppResponse response(cupsDoRequest(CUPS_HTTP_DEFAULT, request, "/"));
    if (!response || cupsLastError() > IPP_STATUS_OK_CONFLICTING) return fail(last_cups_error(what));
    return response;
}

struct PrinterNow {
    int state = 0;
    bool accepting = true;
    std::string message;  // printer-state-message, else its reasons ("paused")
};

Result<PrinterNow> printer_now(const std::string& queue) {
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(), "/printers/%s",
                     queue.c_str());
    ipp_t* request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri);
    request_attributes(request,
                       {"printer-state", "printer-state-message", "printer-state-reasons", "printer-is-accepting-jobs"});
    auto response = send(request, queue);
    if (!response) {
        if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND)
            return fail(Error(MessageId::PrintQueueUnknown, {queue, ""}, "the queue went away"));
        return fail(response.error());
    }
    PrinterNow p;
    ipp_t* r = response->get();
    p.state = number_of(r, "printer-state");
    ipp_attribute_t* accepting = ippFindAttribute(r, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);
    p.accepting = !accepting || ippGetBoolean(accepting, 0);
    p.message = reason_or(text_of(r, "printer-state-message"), text_of(r, "printer-state-reasons"));
    return p;
}

struct JobNow {
    int state = 0;
    std::string reason;  // job-printer-state-message, else job-state-reasons
};

Result<JobNow> job_now(const PrintJob& job) {
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(), "/jobs/%d", job.id);
    ipp_t* request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nullptr, uri);
    request_attributes(request, {"job-state", "job-state-reasons", "job-printer-state-message"});
    auto response = send(request, "job " + std::to_string(job.id));
    if (!response) return fail(response.error());
    JobNow j;
    j.state = number_of(response->get(), "job-state");
    j.reason = reason_or(text_of(response->get(), "job-printer-state-message"),
                         text_of(response->get(), "job-state-reasons"));
    return j;
}

// printer-state-message of every queue, in one request (cupsGetDests2 leaves it out).
std::vector<std::pair<std::string, std::string>> state_messages() {
    ipp_t* request = ippNewRequest(IPP_OP_CUPS_GET_PRINTERS);
    request_attributes(request, {"printer-name", "printer-state-message"});
    IppResponse response(cupsDoRequest(CUPS_HTTP_DEFAULT, request, "/"));
    std::vector<std::pair<std::string, std::string>> out;
    if (!response || cupsLastError() > IPP_STATUS_OK_CONFLICTING) return out;  // the list stands without them
    std::string name, message;
    for (ipp_attribute_t* a = ippFirstAttribute(response.get()); a; a = ippNextAttribute(response.get())) {
        const char* n = ippGetName(a);
        if (!n) {  // the separator between two printers' groups
            if (!name.empty()) out.emplace_back(name, message);
            name.clear();
            message.clear();
            continue;
        }
        const char* v = ippGetString(a, 0, nullptr);
        if (std::strcmp(n, "printer-name") == 0 && v) name = v;
        else if (std::strcmp(n, "printer-state-message") == 0 && v) message = v;
    }
    if (!name.empty()) out.emplace_back(name, message);
    return out;
}

std::string option(const cups_dest_t& d, const char* name) {
    const char* v = cupsGetOption(name, d.num_options, d.options);
    return v ? v : "";
}

std::string seconds_text(std::chrono::milliseconds limit) {
    const auto ms = limit.count();
    if (ms % 1000 == 0) return std::to_string(ms / 1000);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(ms) / 1000.0);
    return buf;
}

}  // namespace

CupsPrinter::CupsPrinter(std::string server, std::chrono::milliseconds poll_interval)
    : server_(std::move(server)), poll_interval_(poll_interval) {}

// libcups keeps its server and connection per thread and reads CUPS_SERVER only once:
// setting it again drops both, so each call sees the current server.
void CupsPrinter::use_server() const { cupsSetServer(server_.empty() ? nullptr : server_.c_str()); }

Result<std::vector<PrintQueue>> CupsPrinter::queues() {
    use_server();
    Dests dests;
    dests.count = cupsGetDests2(CUPS_HTTP_DEFAULT, &dests.list);
    std::vector<PrintQueue> out;
    if (dests.count == 0) {
        // None at all is an answer (IPP not-found, "No destinations added"), not a failure.
        if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND || cupsLastError() <= IPP_STATUS_OK_CONFLICTING) return out;
        return fail(last_cups_error(server_name()));
    }
    const auto messages = state_messages();
    for (int i = 0; i < dests.count; ++i) {
        const cups_dest_t& d = dests.list[i];
        if (d.instance) continue;  // lpoptions instances share their queue's state
        PrintQueue q;
        q.name = d.name;
        q.description = option(d, "printer-info");
        q.is_default = d.is_default != 0;
        q.accepting = option(d, "printer-is-accepting-jobs") != "false";
        q.stopped = option(d, "printer-state") == std::to_string(kPrinterStopped);
        for (const auto& [name, message] : messages)
            if (name == q.name) q.state_message = message;
        out.push_back(std::move(q));
    }
    return out;
}

Result<PrintJob> CupsPrinter::submit(const std::string& pdf_path, const std::string& queue, const std::string& title) {
    use_server();
    Dests dests;
    dests.count = cupsGetDests2(CUPS_HTTP_DEFAULT, &dests.list);
    if (dests.count == 0) {
        // cupsPrintFile fails the same way (0x0500) whether cupsd is down or the queue is
        // missing: the list of destinations tells them apart.
        if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND || cupsLastError() <= IPP_STATUS_OK_CONFLICTING)
            return fail(Error(MessageId::PrintNoQueue, {},
                              "the print server " + server_name() + " has no queues" +
                                  (queue.empty() ? std::string() : " (asked for " + queue + ")")));
        return fail(last_cups_error(server_name()));
    }
    const cups_dest_t* dest = cupsGetDest(queue.empty() ? nullptr : queue.c_str(), nullptr, dests.count, dests.list);
    if (!dest) {
        if (queue.empty())
            return fail(Error(MessageId::PrintNoQueue, {}, "the print server " + server_name() + " has no default queue"));
        std::string names;
        for (int i = 0; i < dests.count; ++i) {
            if (dests.list[i].instance) continue;
            if (!names.empty()) names += ", ";
            names += dests.list[i].name;
        }
        return fail(Error(MessageId::PrintQueueUnknown, {queue, names}));
    }
    const std::string name = dest->name;

    auto now = printer_now(name);
    if (!now) return fail(now.error());
    if (!now->accepting) return fail(Error(MessageId::PrintQueueRefusing, {name, now->message}));
    if (now->state == kPrinterStopped) return fail(Error(MessageId::PrintQueueStopped, {name, now->message}));

    // libcups reports an unreadable file only after creating the job; read it first.
    if (std::FILE* f = std::fopen(pdf_path.c_str(), "rb")) {
        std::fclose(f);
    } else {
        const int e = errno;
        return fail(Error(MessageId::PrintFailed, {pdf_path, std::strerror(e)}, "fopen: " + std::string(std::strerror(e))));
    }

    std::string job_title = title;
    if (job_title.empty()) {
        auto slash = pdf_path.rfind('/');
        job_title = slash == std::string::npos ? pdf_path : pdf_path.substr(slash + 1);
    }
    // Every report is laid out on A4; a queue whose driver defaults to Letter would
    // otherwise scale or crop it.
    cups_option_t* options = nullptr;
    int num_options = cupsAddOption("media", "A4", 0, &options);
    const int id = cupsPrintFile2(CUPS_HTTP_DEFAULT, name.c_str(), pdf_path.c_str(), job_title.c_str(), num_options,
                                  options);
    cupsFreeOptions(num_options, options);
    if (id == 0) {
        switch (cupsLastError()) {
            case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS:
                return fail(Error(MessageId::PrintQueueRefusing, {name, cupsLastErrorString()}));
            case IPP_STATUS_ERROR_DOCUMENT_ACCESS:
                return fail(Error(MessageId::PrintFailed, {pdf_path, cupsLastErrorString()}, "cupsPrintFile2"));
            default:
                return fail(last_cups_error(pdf_path));
        }
    }
    return PrintJob{id, name};
}

Status CupsPrinter::wait_until_printed(const PrintJob& job, std::chrono::milliseconds limit) {
    use_server();
    const auto deadline = std::chrono::steady_clock::now() + limit;
    const std::string id = std::to_string(job.id);
    for (;;) {
        auto j = job_now(job);
        if (!j) return fail(j.error());
        switch (j->state) {
            case kJobCompleted:
                return {};
            case kJobCanceled:
                return fail(Error(MessageId::PrintJobCanceled, {id, job.queue}, j->reason));
            case kJobAborted:
                return fail(Error(MessageId::PrintJobAborted, {id, job.queue, j->reason}));
            case kJobPending:
            case kJobHeld:
            case kJobProcessing:
            case kJobStopped: {
                // A job on a stopped printer waits for a person: say so now. A job the
                // server stopped (its filters failed) on a running printer never prints.
                auto p = printer_now(job.queue);
                if (!p) return fail(p.error());
                if (p->state == kPrinterStopped) return fail(Error(MessageId::PrintQueueStopped, {job.queue, p->message}));
                if (j->state == kJobStopped)
                    return fail(Error(MessageId::PrintJobAborted, {id, job.queue, j->reason}, "job-state stopped"));
                break;
            }
            default:
                return fail(Error(MessageId::PrintFailed, {job.queue, "job-state " + std::to_string(j->state)}));
        }
        const auto left = deadline - std::chrono::steady_clock::now();
        if (left <= std::chrono::steady_clock::duration::zero())
            return fail(Error(MessageId::PrintJobTimedOut, {id, job.queue, seconds_text(limit)}, j->reason));
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(left, poll_interval_));
    }
}

}  // namespace custody::reports
