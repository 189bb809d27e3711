// A docked camera: who returned what, the offload in progress, the docking health
// check, and the two questions before the officer leaves (R9, R13).
#include <wx/gauge.h>
#include <wx/intl.h>

#include "kiosk/core/fault_report_record.h"
#include "kiosk/ui/screens.h"

namespace custody::ui {

using terminal::ReturnStep;

namespace {

wxString fault_name(std::size_t i, Lang lang) {
    return utf8(std::string(lang == Lang::Zh ? kFaultKinds[i].zh : kFaultKinds[i].en));
}

wxString reason_name(InterruptionReason r, Lang lang) {
    const auto& n = named(kInterruptionReasons, r);
    return utf8(std::string(lang == Lang::Zh ? n.zh : n.en));
}

void offload_bar(const ScreenKit& kit, wxSizer* root, const terminal::ReturnView& r) {
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(kit.text(_("Footage offload"), kit.look.body, colour::dim));
    auto* gauge = new wxGauge(kit.parent, wxID_ANY, 1000, wxDefaultPosition, wxSize(-1, kit.look.touch_px / 2));
    int value = 0;
    if (r.offload_done) value = 1000;
    else if (r.offload && r.offload->bytes_total > 0)
        value = static_cast<int>(1000 * r.offload->bytes_done / r.offload->bytes_total);
    gauge->SetValue(value);
    box->Add(gauge, 0, wxEXPAND | wxTOP, kit.look.gap / 2);
    wxString what;
    if (r.offload_error) what = kit.error(*r.offload_error);
    else if (r.offload_done) what = _("Offload complete: every recording is archived and verified; the camera is cleared.");
    else if (r.offload) what = progress_text(*r.offload);
    else what = _("Waiting for its turn to offload");
    box->Add(kit.para(what, kit.look.body, kit.parent->GetClientSize().x * 3 / 4,
                      r.offload_error ? wxColour(0xff, 0x8a, 0x80) : colour::text),
             0, wxTOP, kit.look.gap / 2);
    root->Add(box, 0, wxEXPAND | wxLEFT | wxRIGHT, kit.look.gap * 4);
}

void health(const ScreenKit& kit, wxSizer* root, const terminal::ReturnView& r) {
    const auto& i = r.inspection;
    wxString line = wxString::Format(_("Health check: battery %d%%, free storage %lld MB"), i.findings.battery_pct,
                                     static_cast<long long>(i.findings.storage.free_mb));
    root->Add(kit.text(line, kit.look.body), 0, wxLEFT | wxTOP, kit.look.gap * 4);
    if (i.faults.empty()) {
        root->Add(kit.text(_("No fault found"), kit.look.body, wxColour(0x7d, 0xe0, 0x96)), 0, wxLEFT, kit.look.gap * 4);
    } else {
        for (const auto& f : i.faults)
            root->Add(kit.para(kit.error(f), kit.look.body, kit.parent->GetClientSize().x * 3 / 4,
                               wxColour(0xff, 0x8a, 0x80)),
                      0, wxLEFT, kit.look.gap * 4);
    }
}

void choices(const ScreenKit& kit, wxSizer* root, const std::vector<std::pair<wxString, std::function<void()>>>& list,
             const std::string& prefix) {
    auto* grid = new wxGridSizer(4, kit.look.gap, kit.look.gap);
    for (std::size_t i = 0; i < list.size(); ++i) {
        // The first answer is always "none": the common case, in green.
        const Tone tone = i == 0 ? Tone::Good : Tone::Neutral;
        grid->Add(kit.button(list[i].first, prefix + std::to_string(i), tone, list[i].second), 0, wxEXPAND);
    }
    root->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, kit.look.gap * 4);
}

}  // namespace

void return_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t) {
    top_bar(kit, root, v, t);
    if (!v.returned) return;
    const auto& r = *v.returned;
    wxString who = r.officer ? officer_text(*r.officer) : _("Unexpected return (the camera was not checked out)");
    root->Add(kit.text(who, kit.look.title), 0, wxALIGN_CENTER);
    root->Add(kit.text(wxString::Format(_("returned camera %s into slot %d"), utf8(r.device_serial), r.slot),
                       kit.look.big, colour::dim),
              0, wxALIGN_CENTER | wxTOP | wxBOTTOM, kit.look.gap);
    offload_bar(kit, root, r);
    health(kit, root, r);
    for (const auto& n : r.notices)
        root->Add(kit.para(kit.error(n), kit.look.body, kit.parent->GetClientSize().x * 3 / 4, colour::dim), 0,
                  wxLEFT | wxTOP, kit.look.gap * 4);
    switch (r.step) {
        case ReturnStep::AskFault: {
            root->Add(kit.text(_("Any fault or damage on this camera?"), kit.look.big), 0, wxLEFT | wxTOP, kit.look.gap * 4);
            std::vector<std::pair<wxString, std::function<void()>>> list{{_("No, none"), [&t] { t.tap_fault(std::nullopt); }}};
            for (std::size_t i = 0; i < std::size(kFaultKinds); ++i)
                list.push_back({fault_name(i, v.lang), [&t, i] { t.tap_fault(static_cast<int>(i)); }});
            choices(kit, root, list, "fault-");
            break;
        }
        case ReturnStep::AskInterruption: {
            root->Add(kit.text(_("Did recording stop or fail during your shift?"), kit.look.big), 0, wxLEFT | wxTOP,
                      kit.look.gap * 4);
            std::vector<std::pair<wxString, std::function<void()>>> list{
                {_("No, it recorded throughout"), [&t] { t.tap_interruption(std::nullopt); }}};
            for (const auto& n : kInterruptionReasons)
                list.push_back({reason_name(n.value, v.lang), [&t, r = n.value] { t.tap_interruption(r); }});
            choices(kit, root, list, "interruption-");
            break;
        }
        case ReturnStep::Finished: {
            notice_line(kit, root, v);
            root->AddStretchSpacer(1);
            auto* actions = new wxBoxSizer(wxHORIZONTAL);
            if (r.offload_done && r.return_entry_id)
                actions->Add(kit.button(_("Print receipt"), "print-receipt", Tone::Primary,
                                        [&t] { t.tap_print(terminal::PrintableReport::OffloadReceipt); }, !v.printing),
                             0, wxRIGHT, kit.look.gap * 2);
            actions->Add(kit.button(_("Done"), "done", Tone::Good, [&t] { t.tap_return_done(); }));
            root->Add(actions, 0, wxALIGN_CENTER | wxALL, kit.look.gap * 2);
            break;
        }
    }
}

}  // namespace custody::ui
