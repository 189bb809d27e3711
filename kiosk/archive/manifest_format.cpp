#include "kiosk/archive/manifest_format.h"

#include <stdexcept>

#include "kiosk/archive/archive_path.h"

namespace custody::archive {
namespace {

constexpr std::size_t kHexDigits = 64;

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool lower_hex_digest(std::string_view s) {
    if (s.size() != kHexDigits) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

bool inside_job(const std::string& name) {
    try {
        require_inside(name);
        return true;
    } catch (const std::logic_error&) {
        return false;
    }
}

bool needs_escape(std::string_view name) { return name.find_first_of("\\\n\r") != std::string_view::npos; }

std::string escaped(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else out += c;
    }
    return out;
}

std::optional<std::string> unescaped(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (name[i] != '\\') {
            out += name[i];
            continue;
        }
        if (++i == name.size()) return std::nullopt;
        if (name[i] == '\\') out += '\\';
        else if (name[i] == 'n') out += '\n';
        else if (name[i] == 'r') out += '\r';
        else return std::nullopt;
    }
    return out;
}

std::optional<ManifestLine> parse_line(std::string_view line) {
    bool escapes = !line.empty() && line.front() == '\\';
    if (escapes) line.remove_prefix(1);
    // `<64 hex><space><space or *><name>`
    if (line.size() < kHexDigits + 3) return std::nullopt;
    ManifestLine m;
    for (std::size_t i = 0; i < kHexDigits; ++i) {
        char c = line[i];
        if (!is_hex(c)) return std::nullopt;
        m.sha256 += (c >= 'A' && c <= 'F') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (line[kHexDigits] != ' ' || (line[kHexDigits + 1] != ' ' && line[kHexDigits + 1] != '*')) return std::nullopt;
    std::string_view name = line.substr(kHexDigits + 2);
    if (escapes) {
        auto plain = unescaped(name);
        if (!plain) return std::nullopt;
        m.name = std::move(*plain);
    } else {
        m.name = std::string(name);
    }
    if (!inside_job(m.name)) return std::nullopt;
    return m;
}

}  // namespace

std::string format_manifest(const std::vector<ManifestLine>& lines) {
    std::string text;
    for (const ManifestLine& l : lines) {
        if (!lower_hex_digest(l.sha256))
            throw std::logic_error("manifest line for \"" + l.name + "\" has no SHA-256: \"" + l.sha256 + "\"");
        require_inside(l.name);
        if (needs_escape(l.name)) text += '\\';
        text += l.sha256;
        text += "  ";
        text += escaped(l.name);
        text += '\n';
    }
    return text;
}

ParsedManifest parse_manifest(std::string_view text) {
    ParsedManifest out;
    int number = 0;
    while (!text.empty()) {
        ++number;
        auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        auto parsed = parse_line(line);
        if (!parsed) {
            out.bad_line = number;
            out.lines.clear();
            return out;
        }
        out.lines.push_back(std::move(*parsed));
    }
    return out;
}

}  // namespace custody::archive
