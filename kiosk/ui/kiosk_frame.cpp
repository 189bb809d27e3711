#include "kiosk/ui/kiosk_frame.h"

#include <wx/display.h>

#include "kiosk/core/log.h"
#include "kiosk/terminal/view_signature.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/translations.h"

namespace custody::ui {

namespace {

double pixels_per_mm(wxWindow* w) {
    const int index = wxDisplay::GetFromWindow(w);
    const wxDisplay display(index == wxNOT_FOUND ? 0u : static_cast<unsigned>(index));
    const wxSize ppi = display.GetPPI();
    return ppi.y > 0 ? ppi.y / 25.4 : 96 / 25.4;
}

}  // namespace

KioskFrame::KioskFrame(const wxSize& size, bool full_screen)
    : wxFrame(nullptr, wxID_ANY, "custody-kiosk", wxDefaultPosition, size,
              full_screen ? (wxDEFAULT_FRAME_STYLE & ~(wxRESIZE_BORDER | wxMAXIMIZE_BOX)) : wxDEFAULT_FRAME_STYLE),
      timer_(this) {
    SetBackgroundColour(colour::background);
    SetClientSize(size);
    if (full_screen) ShowFullScreen(true, wxFULLSCREEN_ALL);
    Bind(wxEVT_TIMER, &KioskFrame::on_timer, this);
}

void KioskFrame::attach(terminal::KioskTerminal& terminal) {
    terminal_ = &terminal;
    timer_.Start(1000);
    view_changed();
}

void KioskFrame::view_changed() {
    if (render_pending_) return;
    render_pending_ = true;
    CallAfter([this] {
        render_pending_ = false;
        render();
    });
}

void KioskFrame::on_timer(wxTimerEvent&) {
    if (terminal_) terminal_->tick();
}

void KioskFrame::render() {
    if (!terminal_) return;
    const auto& v = terminal_->view();
    if (!shown_lang_ || *shown_lang_ != v.lang) {
        use_language(v.lang);
        shown_lang_ = v.lang;
    }
    if (shown_screen_ != screen_code(v.screen)) {
        shown_screen_ = screen_code(v.screen);
        log_event(LogLevel::Info, std::string("screen ") + shown_screen_);
    }
    const std::string signature = terminal::view_signature(v);
    if (page_ && signature == shown_signature_) {
        for (const auto& [key, label] : buttons_.live()) label->SetLabel(live_text(key, v));
        return;
    }
    shown_signature_ = signature;
    look_ = look_for(GetClientSize(), pixels_per_mm(this), v.lang);
    Freeze();
    if (page_) page_->Destroy();
    buttons_.clear();
    page_ = new wxPanel(this, wxID_ANY, wxPoint(0, 0), GetClientSize());
    page_->SetBackgroundColour(colour::background);
    auto* root = new wxBoxSizer(wxVERTICAL);
    const ScreenKit kit{page_, look_, buttons_};
    auto& t = *terminal_;
    using terminal::Screen;
    switch (v.screen) {
        case Screen::Idle: idle_screen(kit, root, v, t); break;
        case Screen::PartnerFirstBadge:
        case Screen::PartnerSecondBadge: partner_screen(kit, root, v, t); break;
        case Screen::CheckoutWorking:
        case Screen::CheckoutIssued:
        case Screen::CheckoutTaken: checkout_screen(kit, root, v, t); break;
        case Screen::Refused: refused_screen(kit, root, v, t); break;
        case Screen::Return: return_screen(kit, root, v, t); break;
        case Screen::CustodianBadge: custodian_badge_screen(kit, root, v, t); break;
        case Screen::CustodianPin: pin_screen(kit, root, v, t); break;
        case Screen::CustodianSlots: slots_screen(kit, root, v, t); break;
        case Screen::DeviceDetail: device_screen(kit, root, v, t); break;
        case Screen::Reconciliation: reconciliation_screen(kit, root, v, t); break;
        case Screen::Interruptions: interruptions_screen(kit, root, v, t); break;
        case Screen::Finance: finance_screen(kit, root, v, t); break;
    }
    page_->SetSizer(root);
    auto* frame_sizer = new wxBoxSizer(wxVERTICAL);
    frame_sizer->Add(page_, 1, wxEXPAND);
    SetSizer(frame_sizer);
    Layout();
    page_->Layout();
    Thaw();
}

std::string KioskFrame::describe() const {
    std::string out = std::string("screen ") + shown_screen_ + "\n";
    // What a walk-through needs to know beyond the buttons: which slot opened, how the
    // offload of a return stands.
    if (terminal_) {
        const auto& v = terminal_->view();
        if (v.checkout) out += "checkout-slot " + std::to_string(v.checkout->slot) + " " + v.checkout->device_serial + "\n";
        if (v.pin) out += "pin-digits " + std::to_string(v.pin->digits) + "\n";
        if (v.returned)
            out += "return-slot " + std::to_string(v.returned->slot) + " offload " +
                   (v.returned->offload_error ? "failed" : v.returned->offload_done ? "done" : "running") + "\n";
    }
    for (const auto& [name, w] : buttons_.all()) {
        const wxRect r = w->GetScreenRect();
        out += "button " + name + " " + std::to_string(r.x) + " " + std::to_string(r.y) + " " + std::to_string(r.width) +
               " " + std::to_string(r.height) + "\n";
    }
    return out;
}

}  // namespace custody::ui
