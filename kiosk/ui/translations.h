#pragma once
// The screens' text comes from gettext catalogues (po/zh_CN.po, po/en.po), switched at
// a tap. Messages of the core (refusals, faults) come from messages.def in the same
// language, so a screen never mixes the two.

#include <string>

#include "kiosk/core/error.h"

namespace custody::ui {

// Looks for <dir>/<lang>/LC_MESSAGES/custody-kiosk.mo in the build tree, then under the
// installed share/locale. Returns false (and logs) when the catalogue is missing.
bool use_language(Lang lang);

}  // namespace custody::ui
