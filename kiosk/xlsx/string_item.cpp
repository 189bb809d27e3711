#include "kiosk/xlsx/string_item.h"

#include "kiosk/xlsx/cell_text.h"

namespace custody::xlsx {

std::string StringItem::take() {
    std::string out = unescape_xstring(text_);
    text_.clear();
    phonetic_depth_ = 0;
    in_text_ = false;
    return out;
}

}  // namespace custody::xlsx
