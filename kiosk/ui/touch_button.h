#pragma once
// A button drawn by the kiosk itself: large, flat, high-contrast, the same on every GTK
// theme, at least 15 mm on the panel (screen_kit.h), firing when the finger lands on it.

#include <wx/window.h>

#include <functional>

namespace custody::ui {

enum class Tone { Primary, Neutral, Good, Warning, Danger, Quiet };

class TouchButton : public wxWindow {
public:
    TouchButton(wxWindow* parent, const wxString& label, const std::string& name, Tone tone, const wxFont& font,
                std::function<void()> on_tap, bool enabled = true);

private:
    void on_paint(wxPaintEvent&);
    void on_down(wxMouseEvent&);
    void on_up(wxMouseEvent&);
    void on_leave(wxMouseEvent&);

    wxString label_;
    Tone tone_;
    std::function<void()> on_tap_;
    bool enabled_;
    bool pressed_ = false;
};

}  // namespace custody::ui
