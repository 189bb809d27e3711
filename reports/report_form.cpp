#include "reports/report_form.h"

#include <algorithm>

#include "reports/report_text.h"

namespace custody::reports {

namespace {
constexpr float kLabelSize = 7.5f;
constexpr float kValueSize = 10.0f;
constexpr float kLeading = kValueSize * 1.35f;
constexpr float kPad = 3.0f;
}  // namespace

void form_row(ReportPages& pages, const std::vector<FormCell>& cells, float min_height) {
    PdfDocument& d = pages.doc();
    float total = 0;
    for (const auto& c : cells) total += c.weight;
    std::vector<float> widths;
    std::vector<std::vector<std::string>> lines;
    float h = min_height;
    for (const auto& c : cells) {
        widths.push_back(pages.width() * c.weight / total);
        lines.push_back(d.wrap(c.value, kValueSize, widths.back() - 2 * kPad));
        h = std::max(h, kPad + kLabelSize + 3 + static_cast<float>(lines.back().size()) * kLeading + kPad);
    }
    pages.ensure(h);
    const float top = pages.y();
    float x = pages.left();
    for (std::size_t i = 0; i < cells.size(); ++i) {
        d.rect(x, top - h, widths[i], h, 0.6f);
        d.text(x + kPad, top - kPad - kLabelSize, cells[i].label, kLabelSize);
        for (std::size_t k = 0; k < lines[i].size(); ++k)
            d.text(x + kPad, top - kPad - kLabelSize - 3 - kValueSize - static_cast<float>(k) * kLeading, lines[i][k],
                   kValueSize);
        x += widths[i];
    }
    pages.advance(h);
}

void signature_row(ReportPages& pages, const std::vector<std::string>& labels, float height) {
    PdfDocument& d = pages.doc();
    pages.ensure(height + mm(2));
    pages.advance(mm(2));
    const float top = pages.y();
    const float w = pages.width() / static_cast<float>(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const float x = pages.left() + w * static_cast<float>(i);
        d.rect(x, top - height, w, height, 0.6f);
        d.text(x + kPad, top - kPad - kLabelSize - 1, labels[i], kLabelSize + 1);
        d.text(x + w - kPad, top - height + kPad + 1, tr(pages.lang(), "年    月    日", "Date:            "), kLabelSize,
               Align::Right);
    }
    pages.advance(height);
}

}  // namespace custody::reports
