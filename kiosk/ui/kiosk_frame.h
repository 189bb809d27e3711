#pragma once
// The kiosk's one window: full screen on the panel, redrawn from the terminal's view
// whenever it changes (always later, on the UI thread, never inside a tap's handler), and
// ticking the terminal once a second.

#include <wx/frame.h>
#include <wx/panel.h>
#include <wx/timer.h>

#include <string>

#include "kiosk/terminal/kiosk_terminal.h"
#include "kiosk/ui/screen_kit.h"

namespace custody::ui {

class KioskFrame : public wxFrame {
public:
    KioskFrame(const wxSize& size, bool full_screen);
    void attach(terminal::KioskTerminal& terminal);
    void view_changed();
    // "screen <code>" and one "button <name> <x> <y> <w> <h>" line per button, in screen
    // coordinates: what the demo's control socket answers to "screen".
    std::string describe() const;

private:
    void render();
    void on_timer(wxTimerEvent&);

    terminal::KioskTerminal* terminal_ = nullptr;
    wxPanel* page_ = nullptr;
    ScreenButtons buttons_;
    Look look_;
    std::optional<Lang> shown_lang_;
    std::string shown_screen_;
    std::string shown_signature_;
    bool render_pending_ = false;
    wxTimer timer_;
};

}  // namespace custody::ui
