#pragma once
// A reconciliation as the custodian reads it on the screen: discrepancies first, every
// line in the screen's language.

#include "kiosk/core/reconciliation_record.h"
#include "kiosk/terminal/terminal_view.h"

namespace custody::terminal {

ReconciliationView reconciliation_view(const Reconciliation& r, Lang lang);

}  // namespace custody::terminal
