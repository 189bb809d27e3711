#pragma once
// What every report test checks the same way: the PDF made from a database, its text and
// fonts read back with poppler, the audit position printed at its foot, and page 1 kept
// as a sample picture (docs/reports/).

#include <string>

#include "reports/report_run.h"

namespace custody::test {

struct ReportFile {
    std::string path;
    reports::MadeReport made;
    std::string text;     // pdftotext, whole document
    std::string compact;  // the same without whitespace
};

// Makes the report into `dir`; a failure to make it fails the test with the message.
ReportFile make_report_file(const std::string& db, const reports::ReportRequest& r, const std::string& dir,
                            const std::string& name);
// The database's newest audit entry: what the foot of every page must show.
reports::AuditPosition newest_audit(const std::string& db);
// Checks the frame of every page: 第 x 页 共 y 页 (or Page x of y), the document id and
// the audit chain position and head hash, and the embedded report font.
void expect_page_frame(const ReportFile& f, const std::string& db);
// Copies page 1 as a PNG into REPORT_SAMPLES_DIR/<name>.png.
void keep_sample(const ReportFile& f, const std::string& name);
// SQL for a stored time (UTC ms) as the reports print it, in Asia/Shanghai.
inline std::string local_time_sql(const std::string& ms) {
    return "strftime('%Y-%m-%d %H:%M:%S', (" + ms + ") / 1000, 'unixepoch', '+8 hours')";
}
// One value from the database (first column of the first row), as text.
std::string db_text(const std::string& db, const std::string& sql);

}  // namespace custody::test
