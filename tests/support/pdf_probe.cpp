#include "tests/support/pdf_probe.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "tests/support/run_command.h"

namespace custody::test {

namespace {
CommandResult must(const std::vector<std::string>& argv) {
    auto r = run_command(argv);
    if (r.exit_code != 0) throw std::runtime_error(argv[0] + " failed (" + std::to_string(r.exit_code) + "): " + r.err);
    return r;
}
}  // namespace

std::string without_whitespace(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') out.push_back(c);
    return out;
}

std::string pdf_text(const std::string& pdf, int first, int last) {
    std::vector<std::string> argv = {"pdftotext", "-q", "-enc", "UTF-8", "-f", std::to_string(first)};
    if (last > 0) argv.insert(argv.end(), {"-l", std::to_string(last)});
    argv.insert(argv.end(), {pdf, "-"});
    return must(argv).out;
}

std::string pdf_text_compact(const std::string& pdf, int first, int last) {
    return without_whitespace(pdf_text(pdf, first, last));
}

int pdf_pages(const std::string& pdf) {
    std::string info = must({"pdfinfo", pdf}).out;
    auto at = info.find("Pages:");
    if (at == std::string::npos) throw std::runtime_error("pdfinfo shows no page count for " + pdf);
    return std::stoi(info.substr(at + 6));
}

std::string pdf_fonts(const std::string& pdf) { return must({"pdffonts", pdf}).out; }

void render_pdf_page(const std::string& pdf, int page, const std::string& png, int dpi) {
    std::string stem = png.substr(0, png.size() - 4);
    must({"pdftoppm", "-q", "-png", "-r", std::to_string(dpi), "-f", std::to_string(page), "-l", std::to_string(page),
          "-singlefile", pdf, stem});
    if (!std::filesystem::exists(png) || std::filesystem::file_size(png) == 0)
        throw std::runtime_error("pdftoppm wrote no " + png);
}

std::vector<std::string> layout_lines(const std::string& pdf) {
    const std::string text = must({"pdftotext", "-q", "-layout", "-enc", "UTF-8", pdf, "-"}).out;
    std::vector<std::string> lines;
    std::size_t at = 0;
    for (std::size_t nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1)
        lines.push_back(text.substr(at, nl - at));
    return lines;
}

std::string row_with(const std::vector<std::string>& lines, const std::vector<std::string>& cells, std::size_t from) {
    for (std::size_t i = from; i < lines.size(); ++i)
        if (std::all_of(cells.begin(), cells.end(),
                        [&](const std::string& c) { return lines[i].find(c) != std::string::npos; }))
            return lines[i];
    return "";
}

}  // namespace custody::test
