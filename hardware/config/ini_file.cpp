#include "hardware/config/ini_file.h"

#include <set>
#include <utility>

namespace custody::config {

namespace {
std::string trimmed(std::string_view s) {
    const char* ws = " \t\r";
    auto b = s.find_first_not_of(ws);
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(ws);
    return std::string(s.substr(b, e - b + 1));
}
}  // namespace

Result<std::vector<IniEntry>> parse_ini(std::string_view text, const std::string& file_name) {
    std::vector<IniEntry> out;
    std::set<std::pair<std::string, std::string>> seen;
    std::string section;
    int section_line = 0;
    int line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        const std::string line = trimmed(text.substr(pos, nl - pos));
        pos = nl + 1;
        ++line_no;
        auto bad = [&](Error why) {
            return fail(Error(MessageId::ConfigBadLine, {file_name, std::to_string(line_no)}).with_cause(std::move(why)));
        };
        if (line.empty() || line[0] == ';' || line[0] == '#') continue;
        if (line.front() == '[') {
            if (line.back() != ']' || line.size() < 3) return bad(Error(MessageId::ConfigHeaderSyntax));
            section = trimmed(std::string_view(line).substr(1, line.size() - 2));
            section_line = line_no;
            continue;
        }
        auto eq = line.find('=');
        if (eq == std::string::npos) return bad(Error(MessageId::ConfigEntrySyntax));
        IniEntry e{section, trimmed(std::string_view(line).substr(0, eq)),
                   trimmed(std::string_view(line).substr(eq + 1)), line_no, section_line};
        if (e.key.empty()) return bad(Error(MessageId::ConfigEntrySyntax));
        if (section.empty()) return bad(Error(MessageId::ConfigKeyOutsideSection, {e.key}));
        if (!seen.insert({e.section, e.key}).second) return bad(Error(MessageId::ConfigKeyTwice, {e.key, section}));
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace custody::config
