#include "kiosk/ui/screen_kit.h"

#include <algorithm>
#include <cmath>

namespace custody::ui {

namespace colour {
const wxColour background(0x0b, 0x1f, 0x3a);
const wxColour panel(0x13, 0x2f, 0x52);
const wxColour text(0xff, 0xff, 0xff);
const wxColour dim(0xb8, 0xc7, 0xd9);
const wxColour good(0x1b, 0x7f, 0x3b);
const wxColour warning(0xa8, 0x5d, 0x00);
const wxColour danger(0xb3, 0x26, 0x1e);
const wxColour primary(0x1f, 0x5f, 0xbf);
}  // namespace colour

namespace {
// A face with every Chinese glyph the screens use (fonts-noto-cjk); GTK falls back to
// another face only for what it lacks.
constexpr const char* kFace = "Noto Sans CJK SC";

wxFont font(int px, bool bold) {
    wxFont f(wxFontInfo(wxSize(0, px)).FaceName(kFace).Bold(bold));
    if (!f.IsOk()) f = wxFont(wxFontInfo(wxSize(0, px)).Family(wxFONTFAMILY_SWISS).Bold(bold));
    return f;
}
}  // namespace

Look look_for(const wxSize& screen, double pixels_per_mm, Lang lang) {
    Look l;
    l.lang = lang;
    // 15 mm at the panel's density, never below 72 px (a panel that reports no size).
    l.touch_px = std::max(72, static_cast<int>(std::lround(15.0 * pixels_per_mm)));
    const double s = std::min(screen.y / 800.0, screen.x / 1280.0);
    auto px = [&](double base) { return std::max(10, static_cast<int>(std::lround(base * s))); };
    l.gap = px(16);
    l.huge = font(px(88), true);
    l.title = font(px(44), true);
    l.big = font(px(32), true);
    l.body = font(px(24), false);
    l.small = font(px(19), false);
    return l;
}

wxString utf8(const std::string& s) { return wxString::FromUTF8(s.c_str()); }

wxStaticText* ScreenKit::text(const wxString& s, const wxFont& f, const wxColour& c) const {
    auto* t = new wxStaticText(parent, wxID_ANY, s);
    t->SetFont(f);
    t->SetForegroundColour(c);
    return t;
}

wxStaticText* ScreenKit::para(const wxString& s, const wxFont& f, int width, const wxColour& c) const {
    auto* t = text(s, f, c);
    t->Wrap(width);
    return t;
}

TouchButton* ScreenKit::button(const wxString& label, const std::string& name, Tone tone, std::function<void()> tap,
                               bool enabled) const {
    auto* b = new TouchButton(parent, label, name, tone, look.body, std::move(tap), enabled);
    b->SetMinSize(wxSize(std::max(b->GetMinSize().x, look.touch_px * 2), std::max(b->GetMinSize().y, look.touch_px)));
    buttons.add(name, b);
    return b;
}

TouchButton* ScreenKit::big_button(const wxString& label, const std::string& name, Tone tone,
                                   std::function<void()> tap) const {
    auto* b = new TouchButton(parent, label, name, tone, look.big, std::move(tap));
    b->SetMinSize(wxSize(std::max(b->GetMinSize().x, look.touch_px * 4),
                         std::max(b->GetMinSize().y, look.touch_px * 3 / 2)));
    buttons.add(name, b);
    return b;
}

wxString ScreenKit::error(const Error& e) const { return utf8(render(e, look.lang)); }

}  // namespace custody::ui
