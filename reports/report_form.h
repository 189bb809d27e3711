#pragma once
// Ruled forms, as agencies file them: rows of labelled boxes with the value written in,
// and empty boxes for signatures and the seal.

#include <string>
#include <vector>

#include "reports/report_pages.h"

namespace custody::reports {

struct FormCell {
    std::string label;
    std::string value;
    float weight = 1;  // share of the row's width
};

// One row of boxes, as tall as its longest value needs (at least `min_height`).
void form_row(ReportPages& pages, const std::vector<FormCell>& cells, float min_height = mm(10));

// A row of empty boxes to sign or seal in, each with its label and a date line.
void signature_row(ReportPages& pages, const std::vector<std::string>& labels, float height = mm(28));

}  // namespace custody::reports
