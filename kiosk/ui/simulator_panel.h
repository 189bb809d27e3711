#pragma once
// The demo's second window: the officer's hands. Tap any demo badge on the simulated
// reader, dock a camera that is out into an empty slot, take a camera out of a slot.
// Everything it does goes through the simulators, so the kiosk sees it as it would see
// the real hardware.

#include <wx/choice.h>
#include <wx/frame.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include "kiosk/ui/demo_hardware.h"

namespace custody::ui {

class SimulatorPanel : public wxFrame {
public:
    SimulatorPanel(wxWindow* kiosk, DemoHardware& hardware, const wxPoint& where);

private:
    void refresh_choices();
    void report(const Status& s, const wxString& done);

    DemoHardware& hardware_;
    std::vector<DemoBadge> badges_;
    wxChoice* badge_ = nullptr;
    wxChoice* camera_ = nullptr;
    wxChoice* empty_slot_ = nullptr;
    wxChoice* full_slot_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxTimer timer_;
};

}  // namespace custody::ui
