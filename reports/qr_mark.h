#pragma once
// A QR code drawn as vector squares, so it prints sharp at any size.

#include <string_view>

#include "kiosk/core/result.h"
#include "reports/pdf_document.h"

namespace custody::reports {

// Draws the code for `text` in a square of side `size` whose bottom-left corner is (x, y).
Status draw_qr(PdfDocument& doc, float x, float y, float size, std::string_view text);

}  // namespace custody::reports
