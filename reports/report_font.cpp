#include "reports/report_font.h"

#include <fontconfig/fontconfig.h>
#include <fontconfig/fcfreetype.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>

namespace custody::reports {

namespace {
constexpr const char* kZenHei = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
constexpr const char* kZenHeiPackage = "fonts-wqy-zenhei";
}  // namespace

Result<ReportFontFile> locate_report_font() {
    ReportFontFile f{kZenHei, 0, kZenHeiPackage};
    if (const char* other = std::getenv("CUSTODY_REPORT_FONT"); other != nullptr && *other != '\0') f.path = other;
    struct stat st {};
    if (::stat(f.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return fail(Error(MessageId::ReportFontMissing, {f.path, f.package}));
    return f;
}

Result<GlyphCoverage> GlyphCoverage::of(const ReportFontFile& font) {
    int faces = 0;
    FcPattern* pattern = FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(font.path.c_str()), font.face_index,
                                         nullptr, &faces);
    if (pattern == nullptr)
        return fail(Error(MessageId::ReportFontUnusable, {font.path, "fontconfig cannot read it"}));
    FcCharSet* set = nullptr;
    GlyphCoverage c;
    if (FcPatternGetCharSet(pattern, FC_CHARSET, 0, &set) == FcResultMatch) {
        FcChar32 map[FC_CHARSET_MAP_SIZE];
        FcChar32 next = 0;
        for (FcChar32 base = FcCharSetFirstPage(set, map, &next); base != FC_CHARSET_DONE && base < 0x10000;
             base = FcCharSetNextPage(set, map, &next)) {
            for (unsigned i = 0; i < FC_CHARSET_MAP_SIZE; ++i)
                for (unsigned bit = 0; bit < 32; ++bit)
                    if (map[i] & (1u << bit)) c.codes_->set(base + i * 32 + bit);
        }
    }
    FcPatternDestroy(pattern);
    if (c.codes_->none())
        return fail(Error(MessageId::ReportFontUnusable, {font.path, "it holds no characters"}));
    return c;
}

std::u32string decode_utf8(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        int extra = b < 0x80 ? 0 : (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : -1;
        if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size() + (extra == 0 ? 1 : 0)) {
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        char32_t c = extra == 0 ? b : b & (0x3F >> extra);
        bool good = true;
        for (int k = 1; k <= extra; ++k) {
            auto n = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((n & 0xC0) != 0x80) { good = false; break; }
            c = (c << 6) | (n & 0x3F);
        }
        if (!good) {
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        out.push_back(c);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

ShownText fit_to_font(std::string_view utf8, const GlyphCoverage& coverage) {
    ShownText r;
    r.text.reserve(utf8.size());
    bool plain = true;
    for (char ch : utf8)
        if (static_cast<unsigned char>(ch) >= 0x80 || ch < ' ') plain = false;
    if (plain) {  // the common case: digits, serials, ASCII names
        bool all = true;
        for (char ch : utf8) all = all && coverage.shows(static_cast<unsigned char>(ch));
        if (all) {
            r.text.assign(utf8);
            return r;
        }
    }
    for (char32_t c : decode_utf8(utf8)) {
        if (c == U'\t' || c == U'\n' || c == U'\r') c = U' ';
        if (coverage.shows(c)) {
            append_utf8(r.text, c);
        } else {
            r.missing.push_back(c);
            append_utf8(r.text, kMissingCharacter);
        }
    }
    return r;
}

std::string code_point_name(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

}  // namespace custody::reports
