#include "reports/report_table.h"

#include <algorithm>

namespace custody::reports {

ReportTable::ReportTable(ReportPages& pages, std::vector<TableColumn> columns, float size)
    : pages_(pages), columns_(std::move(columns)), size_(size), leading_(size * 1.3f), pad_(size * 0.35f) {
    float total = 0;
    for (const auto& c : columns_) total += c.weight;
    for (const auto& c : columns_) widths_.push_back(pages_.width() * c.weight / total);
    pages_.ensure(3 * (leading_ + 2 * pad_));
    header();
    pages_.on_new_page([this] { header(); });
}

ReportTable::~ReportTable() {
    pages_.on_new_page({});
    pages_.advance(pad_ * 2);
}

void ReportTable::header() {
    PdfDocument& d = pages_.doc();
    std::vector<std::vector<std::string>> lines;
    std::size_t most = 1;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        lines.push_back(d.wrap(columns_[i].title, size_, widths_[i] - 2 * pad_));
        most = std::max(most, lines.back().size());
    }
    const float h = static_cast<float>(most) * leading_ + 2 * pad_;
    const float top = pages_.y();
    d.fill_rect(pages_.left(), top - h, pages_.width(), h, 0.88f);
    float x = pages_.left();
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        for (std::size_t k = 0; k < lines[i].size(); ++k)
            d.text(x + pad_, top - pad_ - size_ - static_cast<float>(k) * leading_, lines[i][k], size_);
        x += widths_[i];
    }
    d.line(pages_.left(), top - h, pages_.right(), top - h, 0.6f);
    pages_.advance(h);
}

void ReportTable::row(const std::vector<std::string>& cells) {
    PdfDocument& d = pages_.doc();
    std::vector<std::vector<std::string>> lines(columns_.size());
    std::size_t most = 1;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        const std::string& text = i < cells.size() ? cells[i] : std::string();
        lines[i] = d.wrap(text, size_, widths_[i] - 2 * pad_);
        most = std::max(most, lines[i].size());
    }
    const float h = static_cast<float>(most) * leading_ + 2 * pad_;
    pages_.ensure(h);
    const float top = pages_.y();
    float x = pages_.left();
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        for (std::size_t k = 0; k < lines[i].size(); ++k) {
            const float baseline = top - pad_ - size_ - static_cast<float>(k) * leading_;
            switch (columns_[i].align) {
                case Align::Left: d.text(x + pad_, baseline, lines[i][k], size_); break;
                case Align::Center: d.text(x + widths_[i] / 2, baseline, lines[i][k], size_, Align::Center); break;
                case Align::Right: d.text(x + widths_[i] - pad_, baseline, lines[i][k], size_, Align::Right); break;
            }
        }
        x += widths_[i];
    }
    d.line(pages_.left(), top - h, pages_.right(), top - h, 0.25f, 0.6f);
    pages_.advance(h);
    ++rows_;
}

void ReportTable::full_row(const std::string& text, bool shaded) {
    PdfDocument& d = pages_.doc();
    auto lines = d.wrap(text, size_, pages_.width() - 2 * pad_);
    const float h = static_cast<float>(lines.size()) * leading_ + 2 * pad_;
    pages_.ensure(h);
    const float top = pages_.y();
    if (shaded) d.fill_rect(pages_.left(), top - h, pages_.width(), h, 0.95f);
    for (std::size_t k = 0; k < lines.size(); ++k)
        d.text(pages_.left() + pad_, top - pad_ - size_ - static_cast<float>(k) * leading_, lines[k], size_);
    d.line(pages_.left(), top - h, pages_.right(), top - h, 0.25f, 0.6f);
    pages_.advance(h);
}

}  // namespace custody::reports
