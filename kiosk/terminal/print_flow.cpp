// The print buttons: a receipt at the end of a return, the saved reconciliation, the
// month's ledger in custodian mode. The outcome comes back as the screen's notice.
#include "kiosk/terminal/kiosk_terminal.h"

namespace custody::terminal {

namespace {
MessageId title_of(PrintableReport r) {
    switch (r) {
        case PrintableReport::OffloadReceipt: return MessageId::KioskReceiptTitle;
        case PrintableReport::Reconciliation: return MessageId::KioskReconciliationTitle;
        case PrintableReport::UsageLedger: return MessageId::KioskLedgerTitle;
    }
    return MessageId::KioskLedgerTitle;
}
}  // namespace

void KioskTerminal::tap_print(PrintableReport what) {
    touch();
    if (parts_.printing == nullptr || parts_.print_work == nullptr) {
        view_.notice = Error(MessageId::PrintNoQueue);
        emit();
        return;
    }
    if (view_.printing) return;  // one job at a time: a second tap is not a second copy
    PrintOrder order{what, std::nullopt, view_.lang, view_.custodian ? view_.custodian->number : "kiosk"};
    if (what == PrintableReport::Reconciliation) {
        if (!view_.reconciliation || !view_.reconciliation->saved_id) return;
        order.record = view_.reconciliation->saved_id;
    }
    if (what == PrintableReport::OffloadReceipt) {
        if (!view_.returned || !view_.returned->offload_done || !view_.returned->return_entry_id) return;
        auto tx = parts_.store.begin();
        if (!tx) {
            view_.notice = tx.error();
            emit();
            return;
        }
        auto job = (*tx)->job_of_return(*view_.returned->return_entry_id);
        if (!job || !*job) {
            view_.notice = job ? Error(MessageId::ReturnHasNoJob, {std::to_string(*view_.returned->return_entry_id)})
                               : job.error();
            emit();
            return;
        }
        order.record = (*job)->id;
    }
    const std::string title = format_message(title_of(what), view_.lang, {});
    view_.printing = title;
    view_.notice = Error(MessageId::KioskPrinting, {title});
    emit();
    auto alive = alive_;
    ReportPrinting* printing = parts_.printing;
    PostToUi post = parts_.post;
    parts_.print_work->run([this, alive, printing, post, order, title] {
        auto printed = printing->print(order);
        post([this, alive, printed, title] {
            if (!*alive) return;
            view_.printing.reset();
            view_.notice = printed ? Error(MessageId::KioskPrinted, {title, printed->queue, std::to_string(printed->job)})
                                   : printed.error();
            emit();
        });
    });
}

}  // namespace custody::terminal
