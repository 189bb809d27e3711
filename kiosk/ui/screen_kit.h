#pragma once
// The look of every screen: sizes from the panel's resolution and pixel density, fonts
// that render Chinese, colours readable from a metre away, and the few widgets screens
// are built from.

#include <wx/font.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <functional>
#include <string>
#include <vector>

#include "kiosk/core/error.h"
#include "kiosk/ui/touch_button.h"

namespace custody::ui {

struct Look {
    int touch_px = 80;  // the smallest touch target: 15 mm on this panel
    int gap = 16;
    wxFont huge, title, big, body, small;
    Lang lang = Lang::Zh;
};

namespace colour {
extern const wxColour background, panel, text, dim, good, warning, danger, primary;
}

Look look_for(const wxSize& screen, double pixels_per_mm, Lang lang);

// Every button of the current screen, by name, so the demo's control socket can say
// where each one is (custodyctl sim screen) and a test can tap it.
// Also the labels that change every second (the clock, the countdowns): they are
// rewritten in place, the layout stays.
class ScreenButtons {
public:
    void clear() {
        buttons_.clear();
        live_.clear();
    }
    void add(const std::string& name, wxWindow* w) { buttons_.push_back({name, w}); }
    const std::vector<std::pair<std::string, wxWindow*>>& all() const { return buttons_; }
    void add_live(const std::string& key, wxStaticText* t) { live_.push_back({key, t}); }
    const std::vector<std::pair<std::string, wxStaticText*>>& live() const { return live_; }

private:
    std::vector<std::pair<std::string, wxWindow*>> buttons_;
    std::vector<std::pair<std::string, wxStaticText*>> live_;
};

// What a screen is built with: its parent, the look and the buttons registry.
struct ScreenKit {
    wxWindow* parent;
    const Look& look;
    ScreenButtons& buttons;

    wxStaticText* text(const wxString& s, const wxFont& f, const wxColour& c = colour::text) const;
    TouchButton* button(const wxString& label, const std::string& name, Tone tone, std::function<void()> tap,
                        bool enabled = true) const;
    TouchButton* big_button(const wxString& label, const std::string& name, Tone tone, std::function<void()> tap) const;
    wxString error(const Error& e) const;  // rendered in the screen's language
    // A block of text that wraps at `width` pixels.
    wxStaticText* para(const wxString& s, const wxFont& f, int width, const wxColour& c = colour::text) const;
};

wxString utf8(const std::string& s);

}  // namespace custody::ui
