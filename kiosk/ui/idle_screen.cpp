// The idle screen and the pieces every screen shares: the top bar with the time, the
// reader and cabinet state and the language switch, and the cabinet at a glance.
#include <wx/intl.h>

#include "kiosk/core/agency_time.h"
#include "kiosk/ui/screens.h"

namespace custody::ui {

using terminal::SlotState;

wxString local_time(Timestamp t) { return utf8(format_local(t)); }

wxString live_text(const std::string& key, const TerminalView& v) {
    if (key == "clock") return local_time(v.now);
    if (key == "to-idle") return wxString::Format(_("Back to the start in %d s"), v.seconds_to_idle);
    if (key == "countdown" && v.checkout)
        return wxString::Format(_("The slot's light blinks. %d s left to take it."), v.checkout->seconds_left);
    return {};
}

wxString officer_text(const Officer& o) { return utf8(o.name) + " (" + utf8(o.number) + ")"; }

wxString slot_state_text(SlotState s) {
    switch (s) {
        case SlotState::Empty: return _("Empty");
        case SlotState::Ready: return _("Ready");
        case SlotState::Charging: return _("Charging");
        case SlotState::Offloading: return _("Offloading");
        case SlotState::Faulty: return _("Faulty");
        case SlotState::Unknown: return _("Unknown camera");
    }
    return "?";
}

wxColour slot_state_colour(SlotState s) {
    switch (s) {
        case SlotState::Ready: return colour::good;
        case SlotState::Charging: return colour::primary;
        case SlotState::Offloading: return wxColour(0x5b, 0x3f, 0x9e);
        case SlotState::Faulty: return colour::danger;
        case SlotState::Unknown: return colour::warning;
        case SlotState::Empty: return colour::panel;
    }
    return colour::panel;
}

wxString progress_text(const OffloadProgress& p) {
    const double mb_done = static_cast<double>(p.bytes_done) / 1e6, mb_total = static_cast<double>(p.bytes_total) / 1e6;
    switch (p.phase) {
        case OffloadPhase::Listing: return _("Reading the camera's recordings");
        case OffloadPhase::Copying: {
            wxString s = wxString::Format(_("%.1f of %.1f MB, file %lld of %lld"), mb_done, mb_total,
                                          static_cast<long long>(p.files_done), static_cast<long long>(p.files_total));
            if (p.eta_s) s += "  " + wxString::Format(_("about %lld s left"), static_cast<long long>(*p.eta_s));
            return s;
        }
        case OffloadPhase::Committing: return _("Verifying the archive copies");
        case OffloadPhase::Wiping: return _("Clearing the camera");
        case OffloadPhase::Done: return _("Offload complete");
        case OffloadPhase::Failed: return _("Offload stopped");
    }
    return {};
}

void notice_line(const ScreenKit& kit, wxSizer* root, const TerminalView& v) {
    if (!v.notice) return;
    root->Add(kit.para(kit.error(*v.notice), kit.look.body, kit.parent->GetClientSize().x - 4 * kit.look.gap,
                       colour::dim),
              0, wxALL, kit.look.gap);
}

void top_bar(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t) {
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    auto* clock = kit.text(live_text("clock", v), kit.look.body, colour::dim);
    kit.buttons.add_live("clock", clock);
    bar->Add(clock, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, kit.look.gap);
    if (!v.reader_online) bar->Add(kit.text(_("Badge reader offline"), kit.look.body, wxColour(0xff, 0x8a, 0x80)), 0,
                                   wxALIGN_CENTER_VERTICAL | wxRIGHT, kit.look.gap);
    if (!v.cabinet_online) bar->Add(kit.text(_("Cabinet offline"), kit.look.body, wxColour(0xff, 0x8a, 0x80)), 0,
                                    wxALIGN_CENTER_VERTICAL | wxRIGHT, kit.look.gap);
    if (v.seconds_to_idle > 0) {
        auto* to_idle = kit.text(live_text("to-idle", v), kit.look.small, colour::dim);
        kit.buttons.add_live("to-idle", to_idle);
        bar->Add(to_idle, 0, wxALIGN_CENTER_VERTICAL);
    }
    bar->AddStretchSpacer();
    if (v.screen != terminal::Screen::Idle && v.screen != terminal::Screen::CheckoutWorking &&
        v.screen != terminal::Screen::CheckoutIssued)
        bar->Add(kit.button(privileged(v.screen) ? _("Log out") : _("Home"), "home", Tone::Quiet, [&t] { t.tap_home(); }),
                 0, wxRIGHT, kit.look.gap);
    // Each language names itself, so a reader of either finds it.
    bar->Add(kit.button(v.lang == Lang::Zh ? wxString("English") : utf8("中文"), "language", Tone::Quiet,
                        [&t] { t.tap_language(); }));
    root->Add(bar, 0, wxEXPAND | wxALL, kit.look.gap);
    if (!v.reader_online && v.reader_problem)
        root->Add(kit.para(kit.error(*v.reader_problem), kit.look.small, kit.parent->GetClientSize().x - 2 * kit.look.gap,
                           wxColour(0xff, 0x8a, 0x80)),
                  0, wxLEFT | wxRIGHT, kit.look.gap);
    if (!v.cabinet_online && v.cabinet_problem)
        root->Add(kit.para(kit.error(*v.cabinet_problem), kit.look.small,
                           kit.parent->GetClientSize().x - 2 * kit.look.gap, wxColour(0xff, 0x8a, 0x80)),
                  0, wxLEFT | wxRIGHT, kit.look.gap);
}

namespace {

void summary_box(const ScreenKit& kit, wxSizer* row, const wxString& label, int count, SlotState s) {
    auto* box = new wxBoxSizer(wxVERTICAL);
    auto* n = new wxStaticText(kit.parent, wxID_ANY, wxString::Format("%d", count), wxDefaultPosition,
                               wxSize(kit.look.touch_px * 2, -1), wxALIGN_CENTRE_HORIZONTAL | wxST_NO_AUTORESIZE);
    n->SetFont(kit.look.title);
    n->SetForegroundColour(colour::text);
    n->SetBackgroundColour(slot_state_colour(s));
    auto* l = kit.text(label, kit.look.body);
    box->Add(n, 0, wxALIGN_CENTER);
    box->Add(l, 0, wxALIGN_CENTER | wxTOP, kit.look.gap / 2);
    row->Add(box, 1, wxALIGN_CENTER | wxALL, kit.look.gap);
}

}  // namespace

void idle_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t) {
    top_bar(kit, root, v, t);
    root->AddStretchSpacer(1);
    root->Add(kit.text(_("Tap your badge"), kit.look.huge), 0, wxALIGN_CENTER);
    // The other language underneath, smaller: whoever walks up can read the first step.
    root->Add(kit.text(v.lang == Lang::Zh ? wxString("Tap your badge") : utf8("请刷卡"), kit.look.big, colour::dim), 0,
              wxALIGN_CENTER | wxTOP, kit.look.gap);
    root->Add(kit.text(_("to take a camera at the start of your shift"), kit.look.body, colour::dim), 0,
              wxALIGN_CENTER | wxTOP, kit.look.gap);
    root->AddStretchSpacer(1);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    summary_box(kit, row, _("Ready"), v.summary.ready, SlotState::Ready);
    summary_box(kit, row, _("Charging"), v.summary.charging, SlotState::Charging);
    summary_box(kit, row, _("Offloading"), v.summary.offloading, SlotState::Offloading);
    summary_box(kit, row, _("Faulty"), v.summary.faulty, SlotState::Faulty);
    summary_box(kit, row, _("Empty"), v.summary.empty, SlotState::Empty);
    root->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT, kit.look.gap * 2);
    for (const auto& p : v.offloads)
        root->Add(kit.text(wxString::Format(_("Slot %d"), p.slot) + "  " + utf8(p.device_serial) + "  " + progress_text(p),
                           kit.look.small, colour::dim),
                  0, wxALIGN_CENTER);
    notice_line(kit, root, v);
    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    actions->Add(kit.button(_("Two-person carry: add a partner"), "with-partner", Tone::Neutral,
                            [&t] { t.tap_with_partner(); }),
                 0, wxRIGHT, kit.look.gap);
    actions->AddStretchSpacer();
    actions->Add(kit.button(_("Custodian"), "custodian", Tone::Neutral, [&t] { t.tap_custodian(); }));
    root->Add(actions, 0, wxEXPAND | wxALL, kit.look.gap * 2);
}

}  // namespace custody::ui
