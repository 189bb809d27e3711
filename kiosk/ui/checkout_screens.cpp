// The officer's checkout: the partner taps (R10), the camera being checked and its slot
// unlocked, the open slot with its countdown and the pre-use check (R7), and a refusal
// with its reason and what to do.
#include <wx/intl.h>

#include "kiosk/ui/screens.h"

namespace custody::ui {

using terminal::Screen;

void partner_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t) {
    top_bar(kit, root, v, t);
    root->AddStretchSpacer(1);
    root->Add(kit.text(_("Two-person carry"), kit.look.title, colour::dim), 0, wxALIGN_CENTER);
    if (v.screen == Screen::PartnerFirstBadge) {
        root->Add(kit.text(_("The officer taking the camera: tap your badge"), kit.look.big), 0, wxALIGN_CENTER | wxTOP,
                  kit.look.gap * 2);
    } else {
        if (v.first_officer)
            root->Add(kit.text(officer_text(*v.first_officer), kit.look.big), 0, wxALIGN_CENTER | wxTOP, kit.look.gap * 2);
        root->Add(kit.text(_("Partner officer: tap your badge"), kit.look.big), 0, wxALIGN_CENTER | wxTOP,
                  kit.look.gap * 2);
    }
    root->AddStretchSpacer(1);
    root->Add(kit.button(_("Cancel"), "cancel", Tone::Quiet, [&t] { t.tap_home(); }), 0, wxALIGN_CENTER | wxALL,
              kit.look.gap * 2);
}

namespace {

void check_line(const ScreenKit& kit, wxSizer* box, bool ok, const wxString& what) {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(kit.text(ok ? utf8("✔") : utf8("✘"), kit.look.big, ok ? wxColour(0x7d, 0xe0, 0x96) : wxColour(0xff, 0x8a, 0x80)),
             0, wxRIGHT, kit.look.gap);
    row->Add(kit.text(what, kit.look.body), 0, wxALIGN_CENTER_VERTICAL);
    box->Add(row, 0, wxTOP, kit.look.gap / 2);
}

void pre_use_check(const ScreenKit& kit, wxSizer* root, const terminal::CheckoutView& c) {
    const auto& f = c.inspection.findings;
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(kit.text(_("Pre-use check of this camera"), kit.look.body, colour::dim));
    check_line(kit, box, true, wxString::Format(_("Battery %d%%"), f.battery_pct));
    check_line(kit, box, true,
               wxString::Format(_("Free storage %lld MB"), static_cast<long long>(f.storage.free_mb)));
    check_line(kit, box, true,
               f.clock_set ? wxString::Format(_("Clock set (it was %lld s off)"),
                                              static_cast<long long>(f.clock_offset_found_s.value_or(0)))
                           : wxString::Format(_("Clock right (%lld s off)"), static_cast<long long>(f.clock_offset_s)));
    if (!f.identity.firmware.empty()) check_line(kit, box, true, _("Firmware") + " " + utf8(f.identity.firmware));
    root->Add(box, 0, wxALIGN_CENTER | wxTOP, kit.look.gap * 2);
}

}  // namespace

void checkout_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t) {
    top_bar(kit, root, v, t);
    root->AddStretchSpacer(1);
    if (v.screen == Screen::CheckoutWorking) {
        if (v.first_officer) root->Add(kit.text(officer_text(*v.first_officer), kit.look.title), 0, wxALIGN_CENTER);
        root->Add(kit.text(_("Checking a camera for you..."), kit.look.big, colour::dim), 0, wxALIGN_CENTER | wxTOP,
                  kit.look.gap * 2);
        root->AddStretchSpacer(1);
        return;
    }
    if (!v.checkout) return;
    const auto& c = *v.checkout;
    root->Add(kit.text(officer_text(c.officer), kit.look.title), 0, wxALIGN_CENTER);
    if (c.partner)
        root->Add(kit.text(_("with partner") + " " + officer_text(*c.partner), kit.look.body, colour::dim), 0,
                  wxALIGN_CENTER | wxTOP, kit.look.gap / 2);
    if (v.screen == Screen::CheckoutTaken) {
        root->Add(kit.text(_("Camera taken. Have a safe shift."), kit.look.big, wxColour(0x7d, 0xe0, 0x96)), 0,
                  wxALIGN_CENTER | wxTOP, kit.look.gap * 2);
        root->Add(kit.text(wxString::Format(_("Camera %s from slot %d"), utf8(c.device_serial), c.slot), kit.look.body,
                           colour::dim),
                  0, wxALIGN_CENTER | wxTOP, kit.look.gap);
        root->AddStretchSpacer(1);
        root->Add(kit.button(_("Done"), "done", Tone::Good, [&t] { t.tap_home(); }), 0, wxALIGN_CENTER | wxALL,
                  kit.look.gap * 2);
        return;
    }
    root->Add(kit.text(wxString::Format(_("Take your camera from slot %d"), c.slot), kit.look.big), 0,
              wxALIGN_CENTER | wxTOP, kit.look.gap * 2);
    auto* slot = kit.text(wxString::Format("%d", c.slot), kit.look.huge);
    slot->SetBackgroundColour(colour::good);
    root->Add(slot, 0, wxALIGN_CENTER | wxTOP, kit.look.gap);
    root->Add(kit.text(utf8(c.device_serial) + "  " + utf8(c.device_model), kit.look.body, colour::dim), 0,
              wxALIGN_CENTER | wxTOP, kit.look.gap);
    auto* countdown = kit.text(live_text("countdown", v), kit.look.body);
    kit.buttons.add_live("countdown", countdown);
    root->Add(countdown, 0, wxALIGN_CENTER | wxTOP, kit.look.gap);
    pre_use_check(kit, root, c);
    root->AddStretchSpacer(1);
}

void refused_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t) {
    top_bar(kit, root, v, t);
    root->AddStretchSpacer(1);
    root->Add(kit.text(_("Not possible now"), kit.look.title, wxColour(0xff, 0x8a, 0x80)), 0, wxALIGN_CENTER);
    if (v.refusal)
        root->Add(kit.para(kit.error(*v.refusal), kit.look.big, kit.parent->GetClientSize().x * 3 / 4), 0,
                  wxALIGN_CENTER | wxTOP, kit.look.gap * 2);
    root->AddStretchSpacer(1);
    root->Add(kit.button(_("Back"), "back", Tone::Primary, [&t] { t.tap_home(); }), 0, wxALIGN_CENTER | wxALL,
              kit.look.gap * 2);
}

}  // namespace custody::ui
