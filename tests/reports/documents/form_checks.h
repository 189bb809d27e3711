#pragma once
// What the tests of the forms (evidence record form, disc labels, receipt, interruption
// record) check alike: a refused request names the right message and writes nothing.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "reports/report_run.h"
#include "tests/support/temp_dir.h"

namespace custody::test {

inline void expect_refused(const std::string& db, const reports::ReportRequest& r, MessageId expected) {
    TempDir dir;
    const std::string out = dir.file("refused.pdf");
    auto made = reports::make_report(db, r, out, SystemClock().now());
    ASSERT_FALSE(made.ok()) << "a report was made at " << out;
    EXPECT_EQ(made.error().id, expected) << render(made.error(), Lang::En);
    EXPECT_FALSE(std::filesystem::exists(out)) << "nothing is written when the report is refused";
    EXPECT_FALSE(std::filesystem::exists(out + ".partial"));
}

inline reports::ReportRequest request_of(reports::ReportKind kind, Lang lang = Lang::Zh) {
    reports::ReportRequest r;
    r.kind = kind;
    r.lang = lang;
    return r;
}

}  // namespace custody::test
