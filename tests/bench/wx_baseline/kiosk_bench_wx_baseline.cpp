// kiosk_bench_wx_baseline: the least a wxWidgets kiosk can do at start, for kiosk_bench to
// time beside custody-kiosk. Opens one 1280x800 frame and, at the first idle event (the
// event loop is running with the frame shown), prints "idle", closes the frame and exits.

#include <wx/wx.h>

#include <cstdio>

namespace {

class BaselineApp : public wxApp {
public:
    bool OnInit() override {
        frame_ = new wxFrame(nullptr, wxID_ANY, "kiosk_bench_wx_baseline", wxDefaultPosition, wxSize(1280, 800));
        frame_->Show();
        Bind(wxEVT_IDLE, &BaselineApp::on_idle, this);
        return true;
    }

private:
    void on_idle(wxIdleEvent& e) {
        e.Skip();
        if (done_) return;
        done_ = true;
        std::puts("idle");
        std::fflush(stdout);
        frame_->Destroy();  // the last top-level window: the main loop ends
    }

    wxFrame* frame_ = nullptr;
    bool done_ = false;
};

}  // namespace

wxIMPLEMENT_APP(BaselineApp);
