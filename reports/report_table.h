#pragma once
// A table that runs across pages: each cell wraps within its column, a row that does not
// fit moves whole to the next page, and the header row repeats at the top of every page.

#include <string>
#include <vector>

#include "reports/report_pages.h"

namespace custody::reports {

struct TableColumn {
    std::string title;
    float weight = 1;  // share of the body width
    Align align = Align::Left;
};

class ReportTable {
public:
    ReportTable(ReportPages& pages, std::vector<TableColumn> columns, float size = 8.0f);
    ~ReportTable();
    ReportTable(const ReportTable&) = delete;
    ReportTable& operator=(const ReportTable&) = delete;

    void row(const std::vector<std::string>& cells);
    // A row across the whole width (a group heading or a total).
    void full_row(const std::string& text, bool shaded = true);
    std::size_t rows() const { return rows_; }

private:
    void header();

    ReportPages& pages_;
    std::vector<TableColumn> columns_;
    std::vector<float> widths_;
    float size_;
    float leading_;
    float pad_;
    std::size_t rows_ = 0;
};

}  // namespace custody::reports
