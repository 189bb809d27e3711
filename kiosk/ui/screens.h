#pragma once
// One function a screen: each lays out what the view says and wires taps to the
// terminal. None of them decides anything.

#include "kiosk/terminal/kiosk_terminal.h"
#include "kiosk/ui/screen_kit.h"

namespace custody::ui {

using terminal::KioskTerminal;
using terminal::TerminalView;

void top_bar(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t);
void idle_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t);
void partner_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t);
void checkout_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t);
void refused_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t);
void return_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t);
void custodian_badge_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t);
void pin_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t);
void slots_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t);
void device_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t);
void reconciliation_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t);
void interruptions_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t);
void finance_screen(const ScreenKit& kit, wxSizer* root, const TerminalView& v, KioskTerminal& t);

// Shared pieces.
wxString slot_state_text(terminal::SlotState s);
wxColour slot_state_colour(terminal::SlotState s);
wxString progress_text(const OffloadProgress& p);
wxString officer_text(const Officer& o);
wxString local_time(Timestamp t);
// The labels rewritten every second, by key ("clock", "to-idle", "countdown").
wxString live_text(const std::string& key, const TerminalView& v);
void notice_line(const ScreenKit& kit, wxSizer* root, const TerminalView& v);

}  // namespace custody::ui
