#pragma once
// The text of an OOXML string item, <si> in the shared strings or <is> in a cell: its
// <t> elements joined, leaving out the phonetic guides (<rPh>) above CJK text.

#include <string>
#include <string_view>

namespace custody::xlsx {

class StringItem {
public:
    void start(std::string_view name) {
        if (name == "rPh") ++phonetic_depth_;
        else if (name == "t" && phonetic_depth_ == 0) in_text_ = true;
    }
    void end(std::string_view name) {
        if (name == "rPh" && phonetic_depth_ > 0) --phonetic_depth_;
        else if (name == "t") in_text_ = false;
    }
    void text(std::string_view s) {
        if (in_text_) text_ += s;
    }
    // The text so far, escapes undone; the item starts afresh.
    std::string take();

private:
    std::string text_;
    int phonetic_depth_ = 0;
    bool in_text_ = false;
};

}  // namespace custody::xlsx
