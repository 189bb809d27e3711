// Custodian login: the badge first, then the PIN on an on-screen keypad. The screen
// shows dots, never digits; a wrong PIN says how many tries are left (the lockout is the
// core's, kept in the database).
#include <wx/intl.h>

#include "kiosk/ui/screens.h"

namespace custody::ui {

void custodian_badge_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t) {
    top_bar(kit, root, v, t);
    root->AddStretchSpacer(1);
    root->Add(kit.text(_("Custodian mode"), kit.look.title, colour::dim), 0, wxALIGN_CENTER);
    root->Add(kit.text(_("Custodian: tap your badge"), kit.look.huge), 0, wxALIGN_CENTER | wxTOP, kit.look.gap * 2);
    root->AddStretchSpacer(1);
    root->Add(kit.button(_("Cancel"), "cancel", Tone::Quiet, [&t] { t.tap_home(); }), 0, wxALIGN_CENTER | wxALL,
              kit.look.gap * 2);
}

void pin_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t) {
    top_bar(kit, root, v, t);
    if (!v.pin) return;
    root->Add(kit.text(officer_text(v.pin->custodian), kit.look.title), 0, wxALIGN_CENTER);
    root->Add(kit.text(_("Enter your PIN"), kit.look.big, colour::dim), 0, wxALIGN_CENTER | wxTOP, kit.look.gap / 2);
    wxString dots;
    for (int i = 0; i < v.pin->digits; ++i) dots += utf8("●");
    for (int i = v.pin->digits; i < 6; ++i) dots += utf8("○");
    root->Add(kit.text(dots, kit.look.title), 0, wxALIGN_CENTER | wxTOP, kit.look.gap);
    if (v.pin->error)
        root->Add(kit.para(kit.error(*v.pin->error), kit.look.body, kit.parent->GetClientSize().x * 3 / 4,
                           wxColour(0xff, 0x8a, 0x80)),
                  0, wxALIGN_CENTER | wxTOP, kit.look.gap / 2);
    auto* pad = new wxGridSizer(4, 3, kit.look.gap / 2, kit.look.gap / 2);
    for (char d : std::string("123456789")) {
        pad->Add(kit.button(wxString(d), std::string("pin-") + d, Tone::Neutral, [&t, d] { t.tap_pin_digit(d); }), 0,
                 wxEXPAND);
    }
    pad->Add(kit.button(utf8("⌫"), "pin-back", Tone::Quiet, [&t] { t.tap_pin_back(); }), 0, wxEXPAND);
    pad->Add(kit.button("0", "pin-0", Tone::Neutral, [&t] { t.tap_pin_digit('0'); }), 0, wxEXPAND);
    pad->Add(kit.button(_("OK"), "pin-enter", Tone::Good, [&t] { t.tap_pin_enter(); }), 0, wxEXPAND);
    root->Add(pad, 1, wxALIGN_CENTER | wxALL, kit.look.gap);
}

}  // namespace custody::ui
