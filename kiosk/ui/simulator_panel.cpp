#include "kiosk/ui/simulator_panel.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/sizer.h>

#include "kiosk/ui/screen_kit.h"

namespace custody::ui {

namespace {
constexpr const char* kUnregisteredBadge = "04FFEE01";

int chosen_number(wxChoice* c) {
    if (c->GetSelection() == wxNOT_FOUND) return 0;
    long n = 0;
    c->GetStringSelection().BeforeFirst(' ').ToLong(&n);
    return static_cast<int>(n);
}
}  // namespace

SimulatorPanel::SimulatorPanel(wxWindow* kiosk, DemoHardware& hardware, const wxPoint& where)
    : wxFrame(kiosk, wxID_ANY, "custody-kiosk simulator", where, wxSize(420, 560),
              wxDEFAULT_FRAME_STYLE | wxFRAME_TOOL_WINDOW),
      hardware_(hardware), badges_(hardware.badges()), timer_(this) {
    auto* panel = new wxPanel(this);
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto heading = [&](const wxString& s) {
        auto* t = new wxStaticText(panel, wxID_ANY, s);
        t->SetFont(t->GetFont().Bold());
        root->Add(t, 0, wxLEFT | wxRIGHT | wxTOP, 10);
    };
    heading(_("Badge reader"));
    badge_ = new wxChoice(panel, wxID_ANY);
    for (const auto& b : badges_) badge_->Append(utf8(b.name + "  " + b.number + "  " + b.role + "  " + b.uid));
    badge_->Append(_("An unregistered badge") + " " + kUnregisteredBadge);
    badge_->SetSelection(0);
    root->Add(badge_, 0, wxEXPAND | wxALL, 6);
    auto* tap = new wxButton(panel, wxID_ANY, _("Tap this badge"));
    root->Add(tap, 0, wxLEFT | wxRIGHT, 6);
    root->Add(new wxStaticText(panel, wxID_ANY, _("Custodians' PIN in the demo: 246810")), 0, wxALL, 6);

    heading(_("Return a camera"));
    camera_ = new wxChoice(panel, wxID_ANY);
    empty_slot_ = new wxChoice(panel, wxID_ANY);
    root->Add(camera_, 0, wxEXPAND | wxALL, 6);
    root->Add(empty_slot_, 0, wxEXPAND | wxLEFT | wxRIGHT, 6);
    auto* dock = new wxButton(panel, wxID_ANY, _("Dock it in this slot"));
    root->Add(dock, 0, wxALL, 6);

    heading(_("Take a camera out"));
    full_slot_ = new wxChoice(panel, wxID_ANY);
    root->Add(full_slot_, 0, wxEXPAND | wxALL, 6);
    auto* take = new wxButton(panel, wxID_ANY, _("Take it out"));
    root->Add(take, 0, wxLEFT | wxRIGHT, 6);

    status_ = new wxStaticText(panel, wxID_ANY, "");
    root->Add(status_, 1, wxEXPAND | wxALL, 10);
    panel->SetSizer(root);

    tap->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int i = badge_->GetSelection();
        const std::string uid = i >= 0 && static_cast<std::size_t>(i) < badges_.size() ? badges_[i].uid : kUnregisteredBadge;
        report(hardware_.tap(uid), _("Badge tapped"));
    });
    dock->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const std::string serial = camera_->GetStringSelection().BeforeFirst(' ').ToStdString();
        report(hardware_.dock(chosen_number(empty_slot_), serial), _("Camera docked"));
        refresh_choices();
    });
    take->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        report(hardware_.take(chosen_number(full_slot_)), _("Camera taken out"));
        refresh_choices();
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { refresh_choices(); });
    refresh_choices();
    timer_.Start(2000);
}

void SimulatorPanel::refresh_choices() {
    const auto docked = hardware_.docked();
    const auto outside = hardware_.outside();
    auto refill = [](wxChoice* c, const wxArrayString& items) {
        const wxString keep = c->GetStringSelection();
        wxArrayString now;
        for (unsigned i = 0; i < c->GetCount(); ++i) now.Add(c->GetString(i));
        if (now == items) return;
        c->Set(items);
        if (!keep.empty() && c->FindString(keep) != wxNOT_FOUND) c->SetStringSelection(keep);
        else if (!items.empty()) c->SetSelection(0);
    };
    wxArrayString cameras, empty, full;
    for (const auto& s : outside) cameras.Add(utf8(s));
    for (int n = 1; n <= hardware_.slot_count(); ++n) {
        if (auto it = docked.find(n); it != docked.end())
            full.Add(wxString::Format("%d ", n) + utf8(it->second));
        else
            empty.Add(wxString::Format("%d ", n) + _("empty"));
    }
    refill(camera_, cameras);
    refill(empty_slot_, empty);
    refill(full_slot_, full);
}

void SimulatorPanel::report(const Status& s, const wxString& done) {
    status_->SetLabel(s ? done : utf8(render(s.error(), Lang::Zh)) + "\n" + utf8(render(s.error(), Lang::En)));
    status_->Wrap(GetClientSize().x - 20);
}

}  // namespace custody::ui
