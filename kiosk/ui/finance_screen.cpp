// The finance screen (R3, R26): the asset register's totals with their value date, the
// compensation cases waiting for finance with the calculation and an approve button, and
// the cases approved but not paid in full.
#include <wx/intl.h>

#include "kiosk/ui/screens.h"

namespace custody::ui {

namespace {

wxString yuan(Fen f) { return utf8(yuan_grouped(f)); }

wxString case_line(const terminal::FinanceCaseView& c) {
    return wxString::Format(_("Case %lld"), static_cast<long long>(c.id)) + "  " + utf8(c.device_serial) + "  " +
           utf8(c.liable) + "  " + utf8(c.cause) + "  " + utf8(c.status);
}

}  // namespace

void finance_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t) {
    top_bar(kit, root, v, t);
    root->Add(kit.text(_("Finance") + ": " + (v.finance_officer ? officer_text(*v.finance_officer) : wxString()),
                       kit.look.big),
              0, wxLEFT | wxBOTTOM, kit.look.gap);
    notice_line(kit, root, v);
    if (v.finance) {
        const auto& f = *v.finance;
        root->Add(kit.text(wxString::Format(_("%d asset cards: original value %s yuan, net book value %s yuan at %s"),
                                            f.cards, yuan(f.original_total), yuan(f.net_total), utf8(f.value_date)) +
                               "  (" + (f.closed_figures ? _("closed month") : _("computed, no month closed")) + ")",
                           kit.look.small, colour::dim),
                  0, wxLEFT | wxBOTTOM, kit.look.gap);
        root->Add(kit.text(_("Compensation cases waiting for finance"), kit.look.big), 0, wxLEFT, kit.look.gap);
        if (f.to_review.empty())
            root->Add(kit.text(_("None waiting"), kit.look.small, colour::dim), 0, wxLEFT, kit.look.gap);
        int shown = 0;
        for (const auto& c : f.to_review) {
            if (++shown > 3) break;
            auto* row = new wxBoxSizer(wxHORIZONTAL);
            wxString text = case_line(c);
            for (const auto& line : c.calculation) text += "\n" + utf8(line);
            row->Add(kit.para(text, kit.look.small, kit.parent->GetClientSize().x * 2 / 3), 1, wxALIGN_CENTER_VERTICAL);
            const Id id = c.id;
            row->Add(kit.button(_("Approve"), "finance-approve-" + std::to_string(id), Tone::Good,
                                [&t, id] { t.tap_finance_approve(id); }));
            root->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, kit.look.gap);
        }
        root->Add(kit.text(_("Approved, not yet paid in full"), kit.look.big), 0, wxLEFT | wxTOP, kit.look.gap);
        shown = 0;
        for (const auto& c : f.owing) {
            if (++shown > 4) break;
            root->Add(kit.text(case_line(c) + "  " + wxString::Format(_("outstanding %s yuan"), yuan(c.outstanding)),
                               kit.look.small),
                      0, wxLEFT, kit.look.gap);
        }
    }
    root->AddStretchSpacer(1);
}

}  // namespace custody::ui
