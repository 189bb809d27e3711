#pragma once
// Reads a PDF back with poppler's own tools, as someone checking a printed report would:
// the text pdftotext extracts, the fonts pdffonts lists, page 1 rendered by pdftoppm.

#include <string>
#include <vector>

namespace custody::test {

// The text of pages `first`..`last` (0: to the end); throws when pdftotext fails.
std::string pdf_text(const std::string& pdf, int first = 1, int last = 0);
// The same without any whitespace: pdftotext drops or adds spaces between CJK glyphs.
std::string pdf_text_compact(const std::string& pdf, int first = 1, int last = 0);
int pdf_pages(const std::string& pdf);
// pdffonts' table.
std::string pdf_fonts(const std::string& pdf);
// Renders page `page` to `png` at `dpi`; throws when pdftoppm fails or writes nothing.
void render_pdf_page(const std::string& pdf, int page, const std::string& png, int dpi = 80);
std::string without_whitespace(const std::string& s);
// The text as laid out on the page (pdftotext -layout), one string a line: a table row's
// cells on one line.
std::vector<std::string> layout_lines(const std::string& pdf);
// The first of those lines from `from` on holding every cell: a table row's first line (a
// cell that wraps continues below, so look only for cells known to fit on one line).
std::string row_with(const std::vector<std::string>& lines, const std::vector<std::string>& cells,
                     std::size_t from = 0);

}  // namespace custody::test
