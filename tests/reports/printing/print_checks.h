#pragma once
// What the printing tests share: the sample PDF and a check that what a queue's device
// received is that PDF, read back with poppler's own tools (pdfinfo, pdftotext).

#include <gtest/gtest.h>

#include <string>

#include "tests/support/temp_dir.h"

namespace custody::test {

// tests/reports/printing/sample.pdf (made by make_sample_pdf.py): one A4 page with a
// Chinese and an English line.
inline constexpr const char* kSamplePdf = PRINTING_SAMPLE_PDF;
inline constexpr const char* kSampleChinese = "执法记录仪保管柜打印测试";
inline constexpr const char* kSampleEnglish = "Custody kiosk print test BWC-0042";

// `received` is what the printer got: the PDF, alone or inside the PJL job envelope the
// Generic PDF driver puts around it. pdfinfo must accept both it and the bare PDF, and
// pdftotext must still find the sample's Chinese and English text.
testing::AssertionResult is_the_sample_pdf(const std::string& received, const TempDir& scratch);

}  // namespace custody::test
