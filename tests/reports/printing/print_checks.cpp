#include "tests/reports/printing/print_checks.h"

#include <fstream>

#include "tests/support/run_command.h"

namespace custody::test {

namespace {

testing::AssertionResult poppler_reads(const std::string& path) {
    auto info = run_command({"pdfinfo", path});
    if (info.exit_code != 0) return testing::AssertionFailure() << "pdfinfo " << path << " failed: " << info.err;
    if (info.out.find("Pages:           1") == std::string::npos)
        return testing::AssertionFailure() << "pdfinfo " << path << " does not see one page:\n" << info.out;
    auto text = run_command({"pdftotext", "-enc", "UTF-8", path, "-"});
    if (text.exit_code != 0) return testing::AssertionFailure() << "pdftotext " << path << " failed: " << text.err;
    if (text.out.find(kSampleChinese) == std::string::npos || text.out.find(kSampleEnglish) == std::string::npos)
        return testing::AssertionFailure() << "pdftotext " << path << " lost the text; it read:\n" << text.out;
    return testing::AssertionSuccess();
}

bool write(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    return static_cast<bool>(out);
}

}  // namespace

testing::AssertionResult is_the_sample_pdf(const std::string& received, const TempDir& scratch) {
    if (received.empty()) return testing::AssertionFailure() << "the printer received nothing";
    const auto start = received.find("%PDF-");
    if (start == std::string::npos)
        return testing::AssertionFailure() << "no PDF in what the printer received (" << received.size() << " bytes)";
    // Before the PDF: nothing, or a PJL job header that switches the printer to PDF.
    const std::string before = received.substr(0, start);
    const std::string enter_pdf = "@PJL ENTER LANGUAGE = PDF\n";
    const bool pjl_header = before.rfind("\x1b%-12345X@PJL", 0) == 0 && before.size() >= enter_pdf.size() &&
                            before.compare(before.size() - enter_pdf.size(), enter_pdf.size(), enter_pdf) == 0;
    if (!before.empty() && !pjl_header)
        return testing::AssertionFailure() << "the PDF is preceded by something other than a PJL job header:\n"
                                           << before;
    const auto end = received.rfind("%%EOF");
    if (end == std::string::npos || end < start) return testing::AssertionFailure() << "the PDF has no %%EOF";

    const std::string as_received = scratch.file("received.prn");
    const std::string bare = scratch.file("received.pdf");
    if (!write(as_received, received) || !write(bare, received.substr(start, end + 5 - start)))
        return testing::AssertionFailure() << "cannot write into " << scratch.path();
    if (auto r = poppler_reads(as_received); !r) return r;
    return poppler_reads(bare);
}

}  // namespace custody::test
