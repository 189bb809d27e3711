#include "kiosk/ui/touch_button.h"

#include <wx/dcbuffer.h>

#include "kiosk/ui/screen_kit.h"

namespace custody::ui {

namespace {

wxColour face(Tone t, bool enabled) {
    if (!enabled) return wxColour(0x3a, 0x44, 0x52);
    switch (t) {
        case Tone::Primary: return colour::primary;
        case Tone::Neutral: return wxColour(0x2c, 0x4a, 0x6e);
        case Tone::Good: return colour::good;
        case Tone::Warning: return colour::warning;
        case Tone::Danger: return colour::danger;
        case Tone::Quiet: return colour::panel;
    }
    return colour::panel;
}

}  // namespace

TouchButton::TouchButton(wxWindow* parent, const wxString& label, const std::string& name, Tone tone,
                         const wxFont& font, std::function<void()> on_tap, bool enabled)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE, name),
      label_(label), tone_(tone), on_tap_(std::move(on_tap)), enabled_(enabled) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetFont(font);
    Bind(wxEVT_PAINT, &TouchButton::on_paint, this);
    Bind(wxEVT_LEFT_DOWN, &TouchButton::on_down, this);
    Bind(wxEVT_LEFT_UP, &TouchButton::on_up, this);
    Bind(wxEVT_LEAVE_WINDOW, &TouchButton::on_leave, this);
    wxClientDC dc(this);
    dc.SetFont(font);
    wxCoord w = 0, h = 0;
    dc.GetMultiLineTextExtent(label_, &w, &h);
    SetMinSize(wxSize(w + 2 * h / 2 + 24, h + 24));
}

void TouchButton::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
    dc.Clear();
    const wxSize sz = GetClientSize();
    wxColour fill = face(tone_, enabled_);
    if (pressed_) fill = fill.ChangeLightness(130);
    dc.SetBrush(wxBrush(fill));
    dc.SetPen(wxPen(tone_ == Tone::Quiet ? colour::dim : fill, 2));
    dc.DrawRoundedRectangle(1, 1, sz.x - 2, sz.y - 2, 10);
    dc.SetFont(GetFont());
    dc.SetTextForeground(enabled_ ? colour::text : colour::dim);
    dc.DrawLabel(label_, wxRect(0, 0, sz.x, sz.y), wxALIGN_CENTER);
}

// A tap counts when the finger lands: the screen is redrawn every second (the clock, the
// countdowns), and a tap that waited for the lift could land on a button already replaced.
// The redraw runs after this handler, never inside it (KioskFrame::view_changed).
void TouchButton::on_down(wxMouseEvent&) {
    if (!enabled_) return;
    pressed_ = true;
    Refresh();
    if (on_tap_) on_tap_();
}

void TouchButton::on_up(wxMouseEvent&) {
    if (!pressed_) return;
    pressed_ = false;
    Refresh();
}

void TouchButton::on_leave(wxMouseEvent&) {
    if (!pressed_) return;
    pressed_ = false;
    Refresh();
}

}  // namespace custody::ui
