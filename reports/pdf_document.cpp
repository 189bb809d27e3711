#include "reports/pdf_document.h"

#include <fcntl.h>
#include <hpdf.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "reports/report_font.h"

namespace custody::reports {

namespace {
// libharu reports errors through a callback; the first one is the one that explains.
struct HpdfErrors {
    HPDF_STATUS first_error = HPDF_OK;
    HPDF_STATUS first_detail = 0;
};

void on_hpdf_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
    auto* e = static_cast<HpdfErrors*>(user);
    if (e->first_error == HPDF_OK) {
        e->first_error = error;
        e->first_detail = detail;
    }
}
}  // namespace

struct PdfDocument::State {
    HPDF_Doc doc = nullptr;
    HPDF_Font font = nullptr;
    GlyphCoverage coverage;
    std::vector<HPDF_Page> pages;
    int current = -1;
    HpdfErrors errors;
    std::vector<char32_t> replaced;
    std::unordered_set<char32_t> replaced_seen;
    std::vector<float> widths = std::vector<float>(0x10000, -1.0f);  // per point of font size; -1: not measured
    EVP_MD_CTX* digest = nullptr;
    // What the current page's content stream has set, so that a long table does not
    // repeat BT/ET, the font and the line settings for every cell and rule (a year's
    // ledger is 50,000 rows: the bytes add up).
    bool in_text = false;
    float font_size = 0;
    float line_width = -1;
    float stroke_gray = -1;
    float fill_gray = -1;

    explicit State(GlyphCoverage c) : coverage(std::move(c)) {}
    ~State() {
        if (doc != nullptr) HPDF_Free(doc);
        if (digest != nullptr) EVP_MD_CTX_free(digest);
    }
    HPDF_Page page() const { return pages.at(static_cast<std::size_t>(current)); }

    void end_text() {
        if (in_text) HPDF_Page_EndText(page());
        in_text = false;
    }
    // Before drawing on another page: nothing of this page's state carries over.
    void leave_page() {
        if (current >= 0) end_text();
        font_size = 0;
        line_width = stroke_gray = fill_gray = -1;
    }
    HPDF_Page for_graphics() {
        end_text();
        return page();
    }
    void stroke_style(float width, float gray) {
        HPDF_Page p = page();
        if (width != line_width) HPDF_Page_SetLineWidth(p, width);
        if (gray != stroke_gray) HPDF_Page_SetGrayStroke(p, gray);
        line_width = width;
        stroke_gray = gray;
    }
    void fill_style(float gray) {
        if (gray != fill_gray) HPDF_Page_SetGrayFill(page(), gray);
        fill_gray = gray;
    }

    float width_of(char32_t c) {
        if (c >= 0x10000) c = kMissingCharacter;  // fit_to_font has replaced it already
        if (widths[c] >= 0) return widths[c];
        std::string one;
        append_utf8(one, c);
        HPDF_TextWidth w = HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(one.data()),
                                               static_cast<HPDF_UINT>(one.size()));
        float per_point = static_cast<float>(w.width) / 1000.0f;
        widths[c] = per_point;
        return per_point;
    }

    std::string shown(std::string_view utf8) {
        ShownText t = fit_to_font(utf8, coverage);
        for (char32_t c : t.missing)
            if (replaced_seen.insert(c).second) replaced.push_back(c);
        return std::move(t.text);
    }
};

namespace {
Error pdf_error(HPDF_STATUS error, HPDF_STATUS detail, const char* during) {
    char code[16];
    std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(error));
    return Error(MessageId::ReportPdfFailed, {code, during}, "detail " + std::to_string(detail));
}

bool is_cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x3000 && c <= 0x303F);
}
}  // namespace

PdfDocument::PdfDocument(std::unique_ptr<State> s) : s_(std::move(s)) {}
PdfDocument::~PdfDocument() = default;

Result<std::unique_ptr<PdfDocument>> PdfDocument::create(const DocumentInfo& info) {
    auto font_file = locate_report_font();
    if (!font_file) return fail(font_file.error());
    auto coverage = GlyphCoverage::of(*font_file);
    if (!coverage) return fail(coverage.error());
    auto s = std::make_unique<State>(std::move(*coverage));
    s->doc = HPDF_New(on_hpdf_error, &s->errors);
    if (s->doc == nullptr) return fail(pdf_error(HPDF_FAILD_TO_ALLOC_MEM, 0, "HPDF_New"));
    HPDF_SetCompressionMode(s->doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(s->doc);
    HPDF_SetCurrentEncoder(s->doc, "UTF-8");
    const char* name = HPDF_LoadTTFontFromFile2(s->doc, font_file->path.c_str(),
                                                static_cast<HPDF_UINT>(font_file->face_index), HPDF_TRUE);
    if (name != nullptr) s->font = HPDF_GetFont(s->doc, name, "UTF-8");
    if (s->font == nullptr || s->errors.first_error != HPDF_OK)
        return fail(Error(MessageId::ReportFontUnusable,
                          {font_file->path, pdf_error(s->errors.first_error, s->errors.first_detail, "load").detail}));
    s->digest = EVP_MD_CTX_new();
    EVP_DigestInit_ex(s->digest, EVP_sha256(), nullptr);
    auto doc = std::unique_ptr<PdfDocument>(new PdfDocument(std::move(s)));
    HPDF_SetInfoAttr(doc->s_->doc, HPDF_INFO_TITLE, doc->s_->shown(info.title).c_str());
    HPDF_SetInfoAttr(doc->s_->doc, HPDF_INFO_SUBJECT, doc->s_->shown(info.subject).c_str());
    HPDF_SetInfoAttr(doc->s_->doc, HPDF_INFO_AUTHOR, doc->s_->shown(info.author).c_str());
    HPDF_SetInfoAttr(doc->s_->doc, HPDF_INFO_CREATOR, "custody-kiosk");
    return doc;
}

void PdfDocument::add_page(Orientation o) {
    s_->leave_page();
    HPDF_Page p = HPDF_AddPage(s_->doc);
    HPDF_Page_SetSize(p, HPDF_PAGE_SIZE_A4,
                      o == Orientation::Portrait ? HPDF_PAGE_PORTRAIT : HPDF_PAGE_LANDSCAPE);
    s_->pages.push_back(p);
    s_->current = static_cast<int>(s_->pages.size()) - 1;
}

void PdfDocument::add_page(float width, float height) {
    s_->leave_page();
    HPDF_Page p = HPDF_AddPage(s_->doc);
    HPDF_Page_SetWidth(p, width);
    HPDF_Page_SetHeight(p, height);
    s_->pages.push_back(p);
    s_->current = static_cast<int>(s_->pages.size()) - 1;
}

void PdfDocument::select_page(int index) {
    if (index < 0 || index >= page_count()) throw std::logic_error("select_page: no such page");
    if (index == s_->current) return;
    s_->leave_page();
    s_->current = index;
}
int PdfDocument::page_count() const { return static_cast<int>(s_->pages.size()); }
int PdfDocument::current_page() const { return s_->current; }
float PdfDocument::page_width() const { return HPDF_Page_GetWidth(s_->page()); }
float PdfDocument::page_height() const { return HPDF_Page_GetHeight(s_->page()); }

float PdfDocument::text_width(std::string_view utf8, float size) {
    float w = 0;
    for (char32_t c : decode_utf8(s_->shown(utf8))) w += s_->width_of(c);
    return w * size;
}

void PdfDocument::text(float x, float y, std::string_view utf8, float size, Align align) {
    std::string t = s_->shown(utf8);
    if (t.empty()) return;
    EVP_DigestUpdate(s_->digest, t.data(), t.size());
    EVP_DigestUpdate(s_->digest, "\n", 1);
    if (align != Align::Left) {
        float w = 0;
        for (char32_t c : decode_utf8(t)) w += s_->width_of(c);
        w *= size;
        x -= align == Align::Center ? w / 2 : w;
    }
    HPDF_Page p = s_->page();
    if (!s_->in_text) {
        HPDF_Page_BeginText(p);
        s_->in_text = true;
    }
    s_->fill_style(0);  // text is painted with the fill colour a shaded cell may have left
    if (size != s_->font_size) HPDF_Page_SetFontAndSize(p, s_->font, size);
    s_->font_size = size;
    HPDF_Page_TextOut(p, x, y, t.c_str());
}

std::vector<std::string> PdfDocument::wrap(std::string_view utf8, float size, float width) {
    std::string fitted = s_->shown(utf8);
    const float limit = width / size;
    // Most table cells fit on one line: measure before taking the text apart.
    float whole = 0;
    bool ascii = true;
    for (char ch : fitted) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
    if (ascii) {
        for (char ch : fitted) whole += s_->width_of(static_cast<unsigned char>(ch));
        if (whole <= limit) return {std::move(fitted)};
    }
    std::u32string text = decode_utf8(fitted);
    if (!ascii) {
        for (char32_t c : text) whole += s_->width_of(c);
        if (whole <= limit) return {std::move(fitted)};
    }
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        float w = 0;
        std::size_t end = start;
        std::size_t last_break = std::u32string::npos;  // a place the line may end after
        while (end < text.size()) {
            float cw = s_->width_of(text[end]);
            if (w + cw > limit && end > start) break;
            w += cw;
            if (text[end] == U' ' || is_cjk(text[end]) || (end + 1 < text.size() && is_cjk(text[end + 1])))
                last_break = end;
            ++end;
        }
        if (end < text.size() && last_break != std::u32string::npos && last_break >= start) end = last_break + 1;
        std::string line;
        for (std::size_t i = start; i < end; ++i) append_utf8(line, text[i]);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        lines.push_back(std::move(line));
        start = end;
        while (start < text.size() && text[start] == U' ') ++start;
    }
    if (lines.empty()) lines.emplace_back();
    return lines;
}

void PdfDocument::line(float x1, float y1, float x2, float y2, float width, float gray) {
    HPDF_Page p = s_->for_graphics();
    s_->stroke_style(width, gray);
    HPDF_Page_MoveTo(p, x1, y1);
    HPDF_Page_LineTo(p, x2, y2);
    HPDF_Page_Stroke(p);
}

void PdfDocument::rect(float x, float y, float w, float h, float width) {
    HPDF_Page p = s_->for_graphics();
    s_->stroke_style(width, 0);
    HPDF_Page_Rectangle(p, x, y, w, h);
    HPDF_Page_Stroke(p);
}

void PdfDocument::fill_rect(float x, float y, float w, float h, float gray) {
    HPDF_Page p = s_->for_graphics();
    s_->fill_style(gray);
    HPDF_Page_Rectangle(p, x, y, w, h);
    HPDF_Page_Fill(p);
}

void PdfDocument::circle(float x, float y, float radius, float width) {
    HPDF_Page p = s_->for_graphics();
    s_->stroke_style(width, 0);
    HPDF_Page_Circle(p, x, y, radius);
    HPDF_Page_Stroke(p);
}

void PdfDocument::fill_squares(const std::vector<std::pair<float, float>>& corners, float side) {
    if (corners.empty()) return;
    HPDF_Page p = s_->for_graphics();
    s_->fill_style(0);
    for (const auto& [x, y] : corners) HPDF_Page_Rectangle(p, x, y, side, side);
    HPDF_Page_Fill(p);
}

const std::vector<char32_t>& PdfDocument::replaced_characters() const { return s_->replaced; }

std::string PdfDocument::content_digest() const {
    EVP_MD_CTX* copy = EVP_MD_CTX_new();
    EVP_MD_CTX_copy_ex(copy, s_->digest);
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_DigestFinal_ex(copy, out, &n);
    EVP_MD_CTX_free(copy);
    static const char* digits = "0123456789abcdef";
    std::string hex;
    for (unsigned i = 0; i < n; ++i) {
        hex.push_back(digits[out[i] >> 4]);
        hex.push_back(digits[out[i] & 15]);
    }
    return hex;
}

Status PdfDocument::save(const std::string& path) {
    s_->leave_page();
    if (s_->errors.first_error != HPDF_OK) return fail(pdf_error(s_->errors.first_error, s_->errors.first_detail, "compose"));
    const std::string partial = path + ".partial";
    if (HPDF_SaveToFile(s_->doc, partial.c_str()) != HPDF_OK || s_->errors.first_error != HPDF_OK) {
        int e = errno;
        ::unlink(partial.c_str());
        if (s_->errors.first_error == HPDF_FILE_IO_ERROR || s_->errors.first_error == HPDF_FILE_OPEN_ERROR)
            return fail(Error(MessageId::ReportWriteFailed, {path, std::strerror(e)}));
        return fail(pdf_error(s_->errors.first_error, s_->errors.first_detail, "save"));
    }
    // libharu closes its file without fsync: make the bytes durable before the name moves.
    int fd = ::open(partial.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        int e = errno;
        if (fd >= 0) ::close(fd);
        ::unlink(partial.c_str());
        return fail(Error(MessageId::ReportWriteFailed, {path, std::strerror(e)}));
    }
    ::close(fd);
    if (::rename(partial.c_str(), path.c_str()) != 0) {
        int e = errno;
        ::unlink(partial.c_str());
        return fail(Error(MessageId::ReportWriteFailed, {path, std::strerror(e)}));
    }
    std::string dir = path.find('/') == std::string::npos ? "." : path.substr(0, path.rfind('/'));
    if (dir.empty()) dir = "/";
    // The new name is durable only once its directory is.
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0 || ::fsync(dfd) != 0) {
        int e = errno;
        if (dfd >= 0) ::close(dfd);
        return fail(Error(MessageId::ReportWriteFailed, {dir, std::strerror(e)}));
    }
    ::close(dfd);
    return {};
}

}  // namespace custody::reports
