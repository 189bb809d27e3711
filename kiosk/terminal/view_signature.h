#pragma once
// What of a view decides the screen's layout: everything but the clock and the seconds
// counting down. The screen is rebuilt only when this changes; the clock and countdowns
// are written into the labels already there, so a finger never lands on a button being
// replaced.

#include <string>

#include "kiosk/terminal/terminal_view.h"

namespace custody::terminal {

std::string view_signature(const TerminalView& v);

}  // namespace custody::terminal
