#pragma once
// How much of a custody interval (checkout to return) the recordings cover, and the
// stretches they leave out (R12, R13). Audits of body-camera programmes keep finding a
// fifth or more of duty unrecorded with nobody noticing; this is where it is noticed.

#include <cstdint>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/recording.h"

namespace custody {

struct TimeSpan {
    Timestamp from;
    Timestamp to;
    std::int64_t ms() const { return to.ms - from.ms; }
};

struct CoverageReport {
    TimeSpan custody;
    std::int64_t recorded_ms = 0;  // the union of the recordings, clipped to custody
    std::vector<TimeSpan> gaps;    // in time order
    std::int64_t longest_gap_ms() const;
    // Tenths of a percent, so reports need no floating point: 1000 is all of it.
    std::int64_t permille() const;
};

// Overlapping recordings count once; recordings outside the interval are clipped.
CoverageReport coverage(TimeSpan custody, std::vector<TimeSpan> recorded);

// The span each recording covers by the kiosk's clock: video and audio with a known
// start and length. Photos and files the media library could not read cover nothing.
std::vector<TimeSpan> recorded_spans(const std::vector<Recording>& recordings);

}  // namespace custody
