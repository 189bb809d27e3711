#pragma once
// The typeface every report is set in. libharu embeds only TrueType (glyf) outlines and
// mangles composite glyphs when it subsets, so of Debian's CJK fonts only WenQuanYi Zen
// Hei renders and extracts correctly (docs/reports.md). Which characters the face holds
// is read from the font itself, so a character it cannot show is replaced visibly, never
// dropped.

#include <string>
#include <string_view>
#include <bitset>
#include <memory>
#include <vector>

#include "kiosk/core/result.h"

namespace custody::reports {

struct ReportFontFile {
    std::string path;
    int face_index = 0;
    std::string package;  // the Debian package that installs it
};

// The Zen Hei file, or the file named by CUSTODY_REPORT_FONT; fails with the package to
// install when it is not there.
Result<ReportFontFile> locate_report_font();

class GlyphCoverage {
public:
    static Result<GlyphCoverage> of(const ReportFontFile& font);
    bool shows(char32_t c) const { return c < 0x10000 && (*codes_)[c]; }

private:
    // The Basic Multilingual Plane as bits: a table of 50,000 rows asks millions of times.
    std::shared_ptr<std::bitset<0x10000>> codes_ = std::make_shared<std::bitset<0x10000>>();
};

// What a report prints for a character it cannot show: the geta mark, the typesetter's
// sign for a missing character.
inline constexpr char32_t kMissingCharacter = U'\u3013';

struct ShownText {
    std::string text;               // UTF-8, only characters the font shows
    std::vector<char32_t> missing;  // what was replaced, in order (U+FFFD: invalid UTF-8)
};

// Replaces every character outside the font (and above U+FFFF, which libharu's UTF-8
// encoder cannot write) with kMissingCharacter.
ShownText fit_to_font(std::string_view utf8, const GlyphCoverage& coverage);

// "U+20BB7"
std::string code_point_name(char32_t c);
// Decodes UTF-8; an invalid byte becomes U+FFFD.
std::u32string decode_utf8(std::string_view utf8);
void append_utf8(std::string& out, char32_t c);

}  // namespace custody::reports
