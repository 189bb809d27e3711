#pragma once
// One PDF being composed: A4 pages, the embedded report font, text and rules. Wraps
// libharu so that no other file needs its header. Every piece of text passes through
// fit_to_font, and what was replaced is kept so that the page foot can list it.
// Lengths are PDF points (1/72 inch) measured from the page's bottom-left corner; mm()
// converts.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.h"

namespace custody::reports {

constexpr float mm(float v) { return v * 72.0f / 25.4f; }

enum class Align { Left, Center, Right };
enum class Orientation { Portrait, Landscape };

struct DocumentInfo {
    std::string title;
    std::string subject;
    std::string author;  // the agency
};

class PdfDocument {
public:
    static Result<std::unique_ptr<PdfDocument>> create(const DocumentInfo& info);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    // Adds a page and makes it the one drawn on.
    void add_page(Orientation o = Orientation::Portrait);
    // A custom size, e.g. a disc sleeve.
    void add_page(float width, float height);
    void select_page(int index);
    int page_count() const;
    int current_page() const;
    float page_width() const;
    float page_height() const;

    // Text with its baseline at y, anchored at x by `align`.
    void text(float x, float y, std::string_view utf8, float size, Align align = Align::Left);
    float text_width(std::string_view utf8, float size);
    // Breaks text into lines no wider than `width`: at spaces in Latin text, anywhere
    // between CJK characters, and inside a word only when the word alone is too wide.
    std::vector<std::string> wrap(std::string_view utf8, float size, float width);

    void line(float x1, float y1, float x2, float y2, float width = 0.5f, float gray = 0.0f);
    void rect(float x, float y, float w, float h, float width = 0.5f);
    void fill_rect(float x, float y, float w, float h, float gray);
    void circle(float x, float y, float radius, float width = 0.5f);
    // Many filled squares in one path (QR codes).
    void fill_squares(const std::vector<std::pair<float, float>>& corners, float side);

    // Characters that had to be replaced (kMissingCharacter) so far, each once, in order.
    const std::vector<char32_t>& replaced_characters() const;
    // SHA-256 (hex) of every text drawn so far, in order: a re-run over the same data
    // draws the same text, so the digest identifies a report's content.
    std::string content_digest() const;

    // Writes the file beside its destination, fsyncs it and renames it into place: the
    // destination holds the whole report or what it held before.
    Status save(const std::string& path);

private:
    struct State;
    explicit PdfDocument(std::unique_ptr<State> s);
    std::unique_ptr<State> s_;
};

}  // namespace custody::reports
