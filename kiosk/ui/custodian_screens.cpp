// Custodian mode: every slot at a glance, a device's detail and history with quarantine
// and release (R9), the inventory reconciliation, and the interruption records waiting
// for review (R13).
#include <wx/intl.h>

#include "kiosk/core/agency_time.h"
#include "kiosk/ui/screens.h"

namespace custody::ui {

namespace {

wxString tile_label(const terminal::SlotTile& t) {
    wxString s = wxString::Format(_("Slot %d"), t.slot) + "\n";
    if (t.docked) s += utf8(t.docked->device.serial) + "\n";
    s += slot_state_text(t.state);
    if (t.docked && t.docked->health) s += wxString::Format("  %d%%", t.docked->health->battery_pct);
    if (t.offload && t.offload->bytes_total > 0 && t.offload->phase != OffloadPhase::Done)
        s += wxString::Format("\n%d%%", static_cast<int>(100 * t.offload->bytes_done / t.offload->bytes_total));
    return s;
}

Tone tile_tone(terminal::SlotState s) {
    switch (s) {
        case terminal::SlotState::Ready: return Tone::Good;
        case terminal::SlotState::Faulty: return Tone::Danger;
        case terminal::SlotState::Unknown: return Tone::Warning;
        case terminal::SlotState::Empty: return Tone::Quiet;
        default: return Tone::Neutral;
    }
}

void title(const ScreenKit& kit, wxSizer* root, const wxString& s) {
    root->Add(kit.text(s, kit.look.title), 0, wxLEFT | wxBOTTOM, kit.look.gap);
}

}  // namespace

void slots_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t) {
    top_bar(kit, root, v, t);
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    head->Add(kit.text(_("Custodian") + ": " + (v.custodian ? officer_text(*v.custodian) : wxString()), kit.look.big),
              0, wxALIGN_CENTER_VERTICAL);
    head->AddStretchSpacer();
    head->Add(kit.button(_("Reconcile inventory"), "reconcile", Tone::Primary, [&t] { t.tap_reconcile(); }), 0,
              wxRIGHT, kit.look.gap);
    head->Add(kit.button(_("Interruption records"), "interruptions", Tone::Primary, [&t] { t.tap_interruptions(); }), 0,
              wxRIGHT, kit.look.gap);
    head->Add(kit.button(_("Print this month's ledger"), "print-ledger", Tone::Neutral,
                         [&t] { t.tap_print(terminal::PrintableReport::UsageLedger); }, !v.printing));
    root->Add(head, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, kit.look.gap);
    notice_line(kit, root, v);
    const int columns = 8;
    auto* grid = new wxGridSizer(columns, kit.look.gap / 2, kit.look.gap / 2);
    for (const auto& tile : v.tiles) {
        const int slot = tile.slot;
        auto* b = new TouchButton(kit.parent, tile_label(tile), "slot-" + std::to_string(slot), tile_tone(tile.state),
                                  kit.look.small, [&t, slot] { t.tap_slot(slot); });
        b->SetMinSize(wxSize(kit.look.touch_px, kit.look.touch_px));
        kit.buttons.add("slot-" + std::to_string(slot), b);
        grid->Add(b, 0, wxEXPAND);
    }
    root->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, kit.look.gap);
}

void device_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t) {
    top_bar(kit, root, v, t);
    if (!v.detail) return;
    const auto& d = *v.detail;
    const auto& status = named(kDeviceStatuses, d.device.status);
    title(kit, root,
          utf8(d.device.serial) + "  " + utf8(d.device.brand + " " + d.device.model) + "  " +
              wxString::Format(_("Slot %d"), d.tile.slot));
    root->Add(kit.text(utf8(std::string(v.lang == Lang::Zh ? status.zh : status.en)) + "  ·  " +
                           slot_state_text(d.tile.state),
                       kit.look.big, colour::dim),
              0, wxLEFT, kit.look.gap);
    if (d.tile.docked && d.tile.docked->health) {
        const auto& h = *d.tile.docked->health;
        root->Add(kit.text(wxString::Format(_("Last check %s: battery %d%%, free storage %lld MB, clock %lld s off"),
                                            local_time(h.measured_at), h.battery_pct,
                                            static_cast<long long>(h.free_storage_mb),
                                            static_cast<long long>(h.clock_offset_s)),
                           kit.look.body),
                  0, wxLEFT | wxTOP, kit.look.gap);
    }
    for (const auto& p : d.tile.problems)
        root->Add(kit.text(kit.error(p), kit.look.body, wxColour(0xff, 0x8a, 0x80)), 0, wxLEFT, kit.look.gap);
    if (d.tile.offload) root->Add(kit.text(progress_text(*d.tile.offload), kit.look.body), 0, wxLEFT, kit.look.gap);
    notice_line(kit, root, v);
    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    if (d.device.status == DeviceStatus::Quarantined)
        actions->Add(kit.button(_("Release from quarantine"), "release", Tone::Good, [&t] { t.tap_release(); }), 0,
                     wxRIGHT, kit.look.gap);
    else
        actions->Add(kit.button(_("Quarantine"), "quarantine", Tone::Danger, [&t] { t.tap_quarantine(); }), 0, wxRIGHT,
                     kit.look.gap);
    if (d.device.status == DeviceStatus::Docked)
        actions->Add(kit.button(_("Retry offload"), "retry-offload", Tone::Warning, [&t] { t.tap_retry_offload(); }), 0,
                     wxRIGHT, kit.look.gap);
    actions->AddStretchSpacer();
    actions->Add(kit.button(_("Back"), "back", Tone::Quiet, [&t] { t.tap_back(); }));
    root->Add(actions, 0, wxEXPAND | wxALL, kit.look.gap);
    root->Add(kit.text(_("History"), kit.look.big), 0, wxLEFT, kit.look.gap);
    for (const auto& h : d.history) {
        const auto kind = parse_named(kCustodyKinds, h.what);
        const wxString what = kind ? utf8(std::string(v.lang == Lang::Zh ? named(kCustodyKinds, *kind).zh
                                                                        : named(kCustodyKinds, *kind).en))
                                   : utf8(h.what);
        root->Add(kit.text(local_time(h.at) + "   " + what + "   " + utf8(h.who) + "   " + utf8(h.detail), kit.look.small),
                  0, wxLEFT, kit.look.gap * 2);
    }
}

void reconciliation_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t) {
    top_bar(kit, root, v, t);
    if (!v.reconciliation) return;
    const auto& r = *v.reconciliation;
    title(kit, root, _("Inventory reconciliation"));
    root->Add(kit.text(wxString::Format(_("Expected %d: in slots %d, out %d, pending offload %d, quarantined %d, "
                                          "in repair %d, lost %d"),
                                        r.expected, r.in_slot, r.out, r.pending_offload, r.quarantined, r.in_repair,
                                        r.lost),
                       kit.look.body),
              0, wxLEFT, kit.look.gap);
    root->Add(kit.text(r.discrepancies == 0 ? _("No discrepancies")
                                            : wxString::Format(_("%d discrepancies"), r.discrepancies),
                       kit.look.big, r.discrepancies == 0 ? wxColour(0x7d, 0xe0, 0x96) : wxColour(0xff, 0x8a, 0x80)),
              0, wxLEFT | wxTOP, kit.look.gap);
    int shown = 0;
    for (const auto& l : r.lines) {
        if (l.discrepancy.empty()) break;
        if (++shown > 12) break;
        root->Add(kit.text(wxString::Format(_("Slot %d"), l.slot) + "  " + utf8(l.device_serial) + "  " + utf8(l.state) +
                               "  —  " + utf8(l.discrepancy),
                           kit.look.body, wxColour(0xff, 0xd0, 0x80)),
                  0, wxLEFT, kit.look.gap * 2);
    }
    notice_line(kit, root, v);
    root->AddStretchSpacer(1);
    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    actions->Add(kit.button(r.saved_id ? _("Saved") : _("Save as reconciliation record"), "save-reconciliation",
                            Tone::Good, [&t] { t.tap_save_reconciliation(); }, !r.saved_id),
                 0, wxRIGHT, kit.look.gap);
    if (r.saved_id)
        actions->Add(kit.button(_("Print report"), "print-reconciliation", Tone::Primary,
                                [&t] { t.tap_print(terminal::PrintableReport::Reconciliation); }, !v.printing),
                     0, wxRIGHT, kit.look.gap);
    actions->AddStretchSpacer();
    actions->Add(kit.button(_("Back"), "back", Tone::Quiet, [&t] { t.tap_back(); }));
    root->Add(actions, 0, wxEXPAND | wxALL, kit.look.gap);
}

void interruptions_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t) {
    top_bar(kit, root, v, t);
    title(kit, root, _("Interruption records waiting for review"));
    notice_line(kit, root, v);
    if (v.pending_interruptions.empty())
        root->Add(kit.text(_("None waiting"), kit.look.big, colour::dim), 0, wxLEFT, kit.look.gap);
    int shown = 0;
    for (const auto& p : v.pending_interruptions) {
        if (++shown > 6) break;
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        const auto& reason = named(kInterruptionReasons, p.record.reason);
        row->Add(kit.para(local_time(p.record.recorded_at) + "  " + utf8(p.officer_name) + "\n" +
                              utf8(std::string(v.lang == Lang::Zh ? reason.zh : reason.en)) + ": " + utf8(p.record.basis),
                          kit.look.small, kit.parent->GetClientSize().x * 2 / 3),
                 1, wxALIGN_CENTER_VERTICAL);
        const Id id = p.record.id;
        row->Add(kit.button(_("Approve"), "approve-" + std::to_string(id), Tone::Good, [&t, id] { t.tap_approve(id); }));
        root->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, kit.look.gap);
    }
    root->AddStretchSpacer(1);
    root->Add(kit.button(_("Back"), "back", Tone::Quiet, [&t] { t.tap_back(); }), 0, wxALIGN_RIGHT | wxALL, kit.look.gap);
}

}  // namespace custody::ui
