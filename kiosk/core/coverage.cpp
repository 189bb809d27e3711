#include "kiosk/core/coverage.h"

#include <algorithm>

namespace custody {

std::int64_t CoverageReport::longest_gap_ms() const {
    std::int64_t longest = 0;
    for (const auto& g : gaps) longest = std::max(longest, g.ms());
    return longest;
}

std::int64_t CoverageReport::permille() const {
    if (custody.ms() <= 0) return 1000;
    return recorded_ms * 1000 / custody.ms();
}

CoverageReport coverage(TimeSpan custody, std::vector<TimeSpan> recorded) {
    CoverageReport report;
    report.custody = custody;
    std::sort(recorded.begin(), recorded.end(), [](const TimeSpan& a, const TimeSpan& b) { return a.from < b.from; });
    Timestamp covered_to = custody.from;  // everything before this is recorded or a listed gap
    for (const auto& r : recorded) {
        Timestamp from = std::max(r.from, custody.from);
        Timestamp to = std::min(r.to, custody.to);
        if (to <= from || to <= covered_to) continue;
        if (from > covered_to) report.gaps.push_back({covered_to, from});
        report.recorded_ms += to.ms - std::max(from, covered_to).ms;
        covered_to = to;
    }
    if (covered_to < custody.to) report.gaps.push_back({covered_to, custody.to});
    return report;
}

std::vector<TimeSpan> recorded_spans(const std::vector<Recording>& recordings) {
    std::vector<TimeSpan> spans;
    for (const auto& r : recordings) {
        if (r.media.kind != MediaKind::Video && r.media.kind != MediaKind::Audio) continue;
        if (!r.corrected_start || !r.media.duration_ms || *r.media.duration_ms <= 0) continue;
        spans.push_back({*r.corrected_start, Timestamp{r.corrected_start->ms + *r.media.duration_ms}});
    }
    return spans;
}

}  // namespace custody
