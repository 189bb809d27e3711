// custody-kiosk: the touchscreen beside the camera cabinet.
#include "kiosk/ui/kiosk_app.h"

wxIMPLEMENT_APP(custody::ui::KioskApp);
